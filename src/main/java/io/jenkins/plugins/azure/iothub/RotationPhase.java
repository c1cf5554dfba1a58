package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;

/**
 * Where a rotation stands, recorded in the description of its stable credential (never with a key), so that a rerun,
 * a restart or a downstream job knows whether the hand-over is still open.
 */
enum RotationPhase {
    /** Steady: consumers use the credential's key; the other slot is unused. Also any credential without a phase. */
    COMPLETE("complete"),
    /** The credential holds the new key; the other key stays valid until consumers have moved and the rotation ends. */
    HANDING_OVER("handing over");

    private final String label;

    RotationPhase(String label) {
        this.label = label;
    }

    /** {@code complete} or {@code handing over}: the words logs and the returned map use. */
    String label() {
        return label;
    }

    /** The phase a stored description records; {@link #COMPLETE} for one written by a plain renewal. */
    static RotationPhase of(String description) {
        return description != null && description.contains("(rotation: " + HANDING_OVER.label)
                ? HANDING_OVER : COMPLETE;
    }

    /**
     * The description of the stable credential: the ownership marker and slot as every credential of this plugin, then
     * the phase ({@link CredentialOwner} accepts it), then the target.
     */
    String description(RotateKeyConfig config, KeySlot held) {
        String detail = this == COMPLETE ? label
                : label + ", the " + KeyRenewalService.slotName(other(held)) + " key stays valid until it finishes";
        boolean connectionString = RenewKeyConfig.STORE_CONNECTION_STRING.equals(config.getStore());
        return KeyRenewalService.OWNERSHIP_MARKER + ": " + KeyRenewalService.slotName(held)
                + (connectionString ? " connection string" : " key") + " (rotation: " + detail + ") of "
                + config.describeTarget();
    }

    static KeySlot other(KeySlot slot) {
        return slot == KeySlot.PRIMARY ? KeySlot.SECONDARY : KeySlot.PRIMARY;
    }
}
