package io.jenkins.plugins.azure.iothub;

import static io.jenkins.plugins.azure.iothub.Wording.FORM;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.azure.iothub.engine.IdentityId;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import java.io.Serial;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Many devices and modules of one hub, renewed through the registry's bulk operation at the hub's pace. Chosen by an
 * explicit list ({@code devices}), a registry query condition ({@code where}) or {@code allDevices}; the new keys go
 * to one secret text per key ({@code storeIn: 'credentials'}) or one Secret file holding a JSON map
 * ({@code storeIn: 'file'}). Shared by {@code iotHubRenewFleetKeys} and its freestyle builder.
 */
public final class RenewFleetKeysConfig extends HubRenewalConfig<RenewFleetKeysConfig> {

    @Serial
    private static final long serialVersionUID = 1L;

    public static final String STORE_IN_CREDENTIALS = "credentials";
    public static final String STORE_IN_FILE = "file";
    /** What a rotation label may contain: it is written into credential descriptions and a JSON file. */
    static final String ROTATION_LABEL = "[A-Za-z0-9._-]{1,64}";
    private static final Pattern LABEL = Pattern.compile(ROTATION_LABEL);

    private final String key;
    private String devices;
    private String where;
    private boolean allDevices;
    private String storeIn;
    private String credentialIdPattern;
    private String fileCredentialsId;
    private String rotation;
    private int operationsPerMinute;
    private String dataPlaneAuth;

    @DataBoundConstructor
    public RenewFleetKeysConfig(String hub, String key) {
        super(hub);
        String k = Util.fixEmptyAndTrim(key);
        this.key = k == null ? null : k.toLowerCase(Locale.ROOT);
    }

    public String getKey() {
        return key;
    }

    /** Device ids ({@code d1}) and module ids ({@code d1/m1}), separated by commas, spaces or new lines. */
    public String getDevices() {
        return devices;
    }

    @DataBoundSetter
    public void setDevices(String devices) {
        this.devices = Util.fixEmptyAndTrim(devices);
    }

    /** The part after WHERE in {@code SELECT * FROM devices WHERE ...}, e.g. {@code tags.site = 'north'}. */
    public String getWhere() {
        return where;
    }

    @DataBoundSetter
    public void setWhere(String where) {
        this.where = Util.fixEmptyAndTrim(where);
    }

    public boolean isAllDevices() {
        return allDevices;
    }

    @DataBoundSetter
    public void setAllDevices(boolean allDevices) {
        this.allDevices = allDevices;
    }

    /** {@code credentials} (default): a secret text per key; {@code file}: one Secret file with a JSON map. */
    public String getStoreIn() {
        return storeIn == null ? STORE_IN_CREDENTIALS : storeIn;
    }

    @DataBoundSetter
    public void setStoreIn(String storeIn) {
        String v = Util.fixEmptyAndTrim(storeIn);
        this.storeIn = v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    /** E.g. {@code iot-{device}-{slot}}; null: the default ids of single renewals. */
    public String getCredentialIdPattern() {
        return credentialIdPattern;
    }

    @DataBoundSetter
    public void setCredentialIdPattern(String credentialIdPattern) {
        this.credentialIdPattern = Util.fixEmptyAndTrim(credentialIdPattern);
    }

    /** Null: {@code iothub.<hub>.fleet}. */
    public String getFileCredentialsId() {
        return fileCredentialsId;
    }

    @DataBoundSetter
    public void setFileCredentialsId(String fileCredentialsId) {
        this.fileCredentialsId = Util.fixEmptyAndTrim(fileCredentialsId);
    }

    /** A label of this rotation: a rerun with the same label skips what an earlier run stored. */
    public String getRotation() {
        return rotation;
    }

    @DataBoundSetter
    public void setRotation(String rotation) {
        this.rotation = Util.fixEmptyAndTrim(rotation);
    }

    /** 0: the engine's default, 98 % of the tier's limit. */
    public int getOperationsPerMinute() {
        return operationsPerMinute;
    }

    @DataBoundSetter
    public void setOperationsPerMinute(int operationsPerMinute) {
        this.operationsPerMinute = operationsPerMinute;
    }

    public String getDataPlaneAuth() {
        return dataPlaneAuth == null ? RenewKeyConfig.DATA_PLANE_KEY : dataPlaneAuth;
    }

    @DataBoundSetter
    public void setDataPlaneAuth(String dataPlaneAuth) {
        String v = Util.fixEmptyAndTrim(dataPlaneAuth);
        this.dataPlaneAuth = v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    boolean isFile() {
        return STORE_IN_FILE.equals(getStoreIn());
    }

    /** The listed identities, in order, without duplicates; empty for a condition. */
    List<IdentityId> identities() {
        Set<IdentityId> ids = new LinkedHashSet<>();
        if (devices != null) {
            for (String id : devices.split("[\\s,]+")) {
                if (!id.isEmpty()) {
                    ids.add(IdentityId.parse(id));
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** How the fleet was chosen, for logs and the Secret file's owner: safe to print. */
    String selection() {
        if (allDevices) {
            return "every SAS device";
        }
        if (where != null) {
            return "devices where " + where;
        }
        return "listed devices and modules";
    }

    String fileId() {
        return fileCredentialsId != null ? fileCredentialsId
                : "iothub." + CredentialIds.encode(getHub().toLowerCase(Locale.ROOT)) + ".fleet";
    }

    /** The single renewal of one identity of this fleet: its credential ids, owner and recovery. */
    RenewKeyConfig member(IdentityId id) {
        RenewKeyConfig member = single(key);
        member.setDevice(id.deviceId());
        member.setModule(id.moduleId());
        member.setDataPlaneAuth(getDataPlaneAuth());
        member.setVerify(false); // the bulk result is per identity; a read-back would cost a throttled operation each
        if (credentialIdPattern != null) {
            member.setPrimaryCredentialsId(idFromPattern(id, KeySlot.PRIMARY));
            member.setSecondaryCredentialsId(idFromPattern(id, KeySlot.SECONDARY));
        }
        return member;
    }

    String idFromPattern(IdentityId id, KeySlot slot) {
        return credentialIdPattern.replace("{hub}", CredentialIds.encode(getHub().toLowerCase(Locale.ROOT)))
                .replace("{device}", CredentialIds.encode(id.deviceId()))
                .replace("{module}", id.moduleId() == null ? "" : CredentialIds.encode(id.moduleId()))
                .replace("{slot}", slot.name().toLowerCase(Locale.ROOT));
    }

    /** Every problem, checked without network access, in the reader's words. */
    @NonNull
    List<String> validate(Wording w) {
        List<String> problems = validateShared(w);
        if (key == null || !Set.of("primary", "secondary", "both", "swap").contains(key)) {
            problems.add(key == null ? w.option("key") + " is required: primary, secondary, both or swap"
                    : w.subject("key", key) + " is not one of primary, secondary, both, swap");
        }
        int choices = (devices != null ? 1 : 0) + (where != null ? 1 : 0) + (allDevices ? 1 : 0);
        if (choices != 1) {
            problems.add("give exactly one of " + w.option("devices") + ", " + w.option("where") + " and "
                    + w.option("allDevices"));
        }
        boolean modules = false;
        for (IdentityId id : identities()) {
            add(problems, ConfigChecks.identity(w, "device", id.deviceId()));
            if (id.isModule()) {
                modules = true;
                add(problems, ConfigChecks.identity(w, "module", id.moduleId()));
            }
        }
        add(problems, ConfigChecks.dataPlaneAuth(w, getDataPlaneAuth()));
        if (!STORE_IN_CREDENTIALS.equals(getStoreIn()) && !isFile()) {
            problems.add(w.subject("storeIn", getStoreIn()) + " is not one of credentials, file");
        }
        if (rotation != null && !LABEL.matcher(rotation).matches()) {
            problems.add(w.subject("rotation", rotation) + " may only contain letters, digits, '.', '_' and '-'"
                    + " (at most 64)");
        }
        if (operationsPerMinute < 0) {
            problems.add(w.option("operationsPerMinute") + " must be positive, or 0 for the hub tier's default");
        }
        if (isFile()) {
            add(problems, ConfigChecks.credentialId(w, "fileCredentialsId", fileCredentialsId));
        } else if (credentialIdPattern != null) {
            problems.addAll(patternProblems(w, modules));
        }
        return problems;
    }

    private List<String> patternProblems(Wording w, boolean modules) {
        List<String> problems = new ArrayList<>();
        String subject = w.subject("credentialIdPattern", credentialIdPattern);
        if (!credentialIdPattern.contains("{device}")) {
            problems.add(subject + " must contain {device}");
        }
        if (modules && !credentialIdPattern.contains("{module}")) {
            problems.add(subject + " must contain {module}: modules are listed");
        }
        if (key != null && Set.of("both", "swap").contains(key) && !credentialIdPattern.contains("{slot}")) {
            problems.add(subject + " must contain {slot}: " + w.subject("key", key) + " stores both keys");
        }
        if (problems.isEmpty()) {
            add(problems, ConfigChecks.credentialId(w, "credentialIdPattern",
                    idFromPattern(IdentityId.module("d", "m"), KeySlot.SECONDARY)));
        }
        return problems;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenewFleetKeysConfig other && sameSharedOptions(other)
                && Objects.equals(key, other.key) && Objects.equals(devices, other.devices)
                && Objects.equals(where, other.where) && allDevices == other.allDevices
                && getStoreIn().equals(other.getStoreIn())
                && Objects.equals(credentialIdPattern, other.credentialIdPattern)
                && Objects.equals(fileCredentialsId, other.fileCredentialsId)
                && Objects.equals(rotation, other.rotation) && operationsPerMinute == other.operationsPerMinute
                && getDataPlaneAuth().equals(other.getDataPlaneAuth());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getHub(), key, devices, where);
    }

    @Override
    public String toString() {
        return "RenewFleetKeysConfig[hub " + getHub() + ", " + (getHub() == null ? "?" : selection()) + "]";
    }

    @Extension
    public static final class DescriptorImpl extends HubRenewalDescriptor<RenewFleetKeysConfig> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.RenewFleetKeysConfig_displayName();
        }

        @POST
        public ListBoxModel doFillKeyItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.key_choose(), "");
            items.add(Messages.key_primary(), "primary");
            items.add(Messages.key_secondary(), "secondary");
            items.add(Messages.key_swap(), "swap");
            items.add(Messages.key_both(), "both");
            return items;
        }

        @POST
        public ListBoxModel doFillStoreInItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.storeIn_credentials(), STORE_IN_CREDENTIALS);
            items.add(Messages.storeIn_file(), STORE_IN_FILE);
            return items;
        }

        @POST
        public ListBoxModel doFillDataPlaneAuthItems(@AncestorInPath Item item) {
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.dataPlaneAuth_key(), RenewKeyConfig.DATA_PLANE_KEY);
            items.add(Messages.dataPlaneAuth_login(), RenewKeyConfig.DATA_PLANE_LOGIN);
            return items;
        }

        @POST
        public FormValidation doCheckRotation(@AncestorInPath Item item, @QueryParameter String value) {
            String label = Util.fixEmptyAndTrim(value);
            return check(item, label == null || LABEL.matcher(label).matches() ? null
                    : FORM.subject("rotation", label) + " may only contain letters, digits, '.', '_' and '-' (at"
                            + " most 64)");
        }

        @POST
        public FormValidation doCheckFileCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return check(item, ConfigChecks.credentialId(FORM, "fileCredentialsId", Util.fixEmptyAndTrim(value)));
        }

        @POST
        public FormValidation doCheckOperationsPerMinute(@AncestorInPath Item item, @QueryParameter String value) {
            String v = Util.fixEmptyAndTrim(value);
            return check(item, v == null || v.matches("[0-9]{1,9}") ? null
                    : FORM.option("operationsPerMinute") + " must be positive, or 0 for the hub tier's default");
        }
    }
}
