package io.jenkins.plugins.azure.iothub;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy, device or module whose key a credential holds. The plugin writes it at the end of the credential's
 * description ({@code "... of policy 'p' on hub 'h'"}), and replaces a credential only when that ending names
 * this target: hub and policy names as Azure matches them (ignoring case), device and module ids exactly (IoT Hub
 * ids are case-sensitive, so {@code Sensor-1} never takes over the credential of {@code sensor-1}).
 */
public final class CredentialOwner {

    private final String phrase;
    /** Start and end (exclusive) of each case-sensitive part of {@link #phrase}. */
    private final List<int[]> exactParts = new ArrayList<>();

    private CredentialOwner(String hub, String policy, String device, String module) {
        StringBuilder out = new StringBuilder();
        if (policy != null) {
            out.append("policy '").append(policy).append('\'');
        } else {
            if (module != null) {
                out.append("module '");
                exact(out, module);
                out.append("' of ");
            }
            out.append("device '");
            exact(out, device);
            out.append('\'');
        }
        this.phrase = out.append(" on hub '").append(hub).append('\'').toString();
    }

    private void exact(StringBuilder out, String id) {
        exactParts.add(new int[] {out.length(), out.length() + id.length()});
        out.append(id);
    }

    /** The owner of a fleet's Secret file credential: the hub and how the fleet was chosen. */
    static CredentialOwner fleet(String hub, String selection) {
        return new CredentialOwner(hub, selection);
    }

    private CredentialOwner(String hub, String selection) {
        StringBuilder out = new StringBuilder("fleet ");
        exact(out, selection);
        this.phrase = out.append(" on hub '").append(hub).append('\'').toString();
    }

    public static CredentialOwner of(RenewKeyConfig config) {
        return new CredentialOwner(config.getHub(), config.getPolicy(), config.getDevice(), config.getModule());
    }

    /** E.g. {@code policy 'p' on hub 'h'}: safe for logs. */
    public String describe() {
        return phrase;
    }

    /**
     * What the plugin's descriptions say before the owner: which slot, key or connection string, and for the stable
     * credential of a rotation its phase ({@link RotationPhase}), for a fleet's credential its rotation label; or,
     * for a fleet's Secret file, {@code fleet keys}.
     */
    private static final Pattern WRITTEN_BY_US = Pattern.compile(
            Pattern.quote(KeyRenewalService.OWNERSHIP_MARKER)
                    + ": (?:(primary|secondary) (key|connection string)(?: \\(rotation: [^()]*\\)| \\(fleet rotation '"
                    + RenewFleetKeysConfig.ROTATION_LABEL + "'\\))?|fleet (?:keys|connection strings)) of ");

    /**
     * Whether a credential description is one this plugin wrote for this target: marker, slot, then exactly this
     * target, compared as Azure compares the names.
     */
    public boolean owns(String description) {
        if (description == null) {
            return false;
        }
        Matcher prefix = WRITTEN_BY_US.matcher(description);
        if (!prefix.lookingAt()) {
            return false;
        }
        int start = prefix.end();
        if (description.length() - start != phrase.length()
                || !description.regionMatches(true, start, phrase, 0, phrase.length())) {
            return false;
        }
        for (int[] part : exactParts) {
            if (!description.regionMatches(false, start + part[0], phrase, part[0], part[1] - part[0])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return phrase;
    }
}
