package io.jenkins.plugins.azure.iothub.engine;

import java.util.Locale;

/** Which key of a policy, device or module to renew. */
public enum KeyType {
    /** Replace the primary key. */
    PRIMARY,
    /** Replace the secondary key. */
    SECONDARY,
    /** Exchange primary and secondary; no new key material. */
    SWAP,
    /** Replace both keys (devices and modules only, as in the CLI). */
    BOTH;

    /**
     * Parses the CLI spelling ({@code primary}, {@code Secondary}, ...), ignoring case and surrounding blanks.
     *
     * @throws IotHubKeyException with {@link IotHubKeyException.Reason#INVALID_ARGUMENT} for anything else
     */
    public static KeyType parse(String text) {
        if (text != null) {
            String wanted = text.trim();
            for (KeyType type : values()) {
                if (type.name().equalsIgnoreCase(wanted)) {
                    return type;
                }
            }
        }
        throw new IotHubKeyException(IotHubKeyException.Reason.INVALID_ARGUMENT,
                "Unknown key type '" + Texts.shorten(text) + "'. Use primary, secondary, swap or both.", false, null);
    }

    /** The CLI spelling, e.g. {@code primary}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
