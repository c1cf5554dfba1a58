package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import java.util.Map;

/** The exact steps that bring Jenkins credentials back in line with Azure after a half-finished renewal. */
final class Recovery {

    private Recovery() {}

    static String instructions(RenewKeyConfig config, Map<KeySlot, String> unsynced) {
        StringBuilder out = new StringBuilder("To recover, copy the current value from Azure into the secret-text ");
        out.append("credential(s): ");
        boolean first = true;
        for (Map.Entry<KeySlot, String> e : unsynced.entrySet()) {
            out.append(first ? "" : "; ").append('\'').append(e.getValue()).append("' <- `")
                    .append(command(config, e.getKey())).append('`');
            first = false;
        }
        if (KeyType.parse(config.getKey()) == KeyType.SWAP) {
            out.append(". Do not rerun 'swap': it would swap the keys back.");
        } else {
            out.append(", or rerun iotHubRenewKey with the same arguments to renew and store again.");
        }
        return out.toString();
    }

    /** An Azure CLI command that prints the value this plugin would have stored. */
    static String command(RenewKeyConfig config, KeySlot slot) {
        String slotName = KeyRenewalService.slotName(slot);
        boolean connectionString = RenewKeyConfig.STORE_CONNECTION_STRING.equals(config.getStore());
        String rg = config.getResourceGroup() == null ? "" : " -g " + config.getResourceGroup();
        String hub = " --hub-name " + config.getHub() + rg;
        if (config.getPolicy() != null) {
            return connectionString
                    ? "az iot hub connection-string show" + hub + " --policy-name " + config.getPolicy()
                            + " --key-type " + slotName + " -o tsv"
                    : "az iot hub policy show" + hub + " --name " + config.getPolicy() + " --query " + slotName
                            + "Key -o tsv";
        }
        String group = config.getModule() == null ? "device-identity" : "module-identity";
        String ids = " --device-id " + config.getDevice()
                + (config.getModule() == null ? "" : " --module-id " + config.getModule());
        return connectionString
                ? "az iot hub " + group + " connection-string show" + hub + ids + " --key-type " + slotName + " -o tsv"
                : "az iot hub " + group + " show" + hub + ids + " --query authentication.symmetricKey." + slotName
                        + "Key -o tsv";
    }
}
