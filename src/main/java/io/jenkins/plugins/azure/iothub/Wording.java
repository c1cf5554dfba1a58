package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.jenkins.OptionNames;
import java.util.List;
import java.util.Map;

/**
 * Whose words a message uses: the Pipeline step's argument names in Pipeline logs, the form's labels on the form and
 * in freestyle logs. {@code FormWordsTest} keeps the labels equal to the form's.
 */
enum Wording {
    PIPELINE,
    FORM;

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("hub", "IoT Hub name"),
            Map.entry("key", "Key to renew"),
            Map.entry("policy", "Shared access policy"),
            Map.entry("device", "Device id"),
            Map.entry("module", "Module id"),
            Map.entry("resourceGroup", "Resource group"),
            Map.entry("subscriptionId", "Subscription id"),
            Map.entry("azureCredentialsId", "Azure credential"),
            Map.entry("dataPlaneAuth", "Registry access for device and module keys"),
            Map.entry("store", "What to store"),
            Map.entry("primaryCredentialsId", "Credential id for the primary key"),
            Map.entry("secondaryCredentialsId", "Credential id for the secondary key"),
            Map.entry("credentialsFolder", "Folder whose credentials receive the keys"),
            Map.entry("timeoutSeconds", "Time budget (seconds)"));

    /** Labels of the options only a rotation has (its form, {@code RotateKeyConfig/config.jelly}, shows them). */
    static final Map<String, String> ROTATION_LABELS = Map.of(
            "credentialsId", "Stable credential id",
            "inUse", "Key consumers use before the first rotation");

    /** Labels of the options only a renewal of several policies or of a fleet has (their forms show them). */
    static final Map<String, String> SET_LABELS = Map.ofEntries(
            Map.entry("policies", "Policies"),
            Map.entry("devices", "Device and module ids"),
            Map.entry("where", "Devices matching"),
            Map.entry("allDevices", "Every SAS device of the hub"),
            Map.entry("storeIn", "Where the keys go"),
            Map.entry("credentialIdPattern", "Credential id pattern"),
            Map.entry("fileCredentialsId", "Secret file credential id"),
            Map.entry("rotation", "Rotation label"),
            Map.entry("operationsPerMinute", "Registry operations per minute"));

    /** The option as this reader knows it: {@code timeoutSeconds} or {@code Time budget (seconds)}. */
    String option(String name) {
        if (this == PIPELINE) {
            return name;
        }
        String label = LABELS.getOrDefault(name, ROTATION_LABELS.get(name));
        return label != null ? label : SET_LABELS.get(name);
    }

    /** The option and its value: {@code hub '-x'} or {@code IoT Hub name '-x'}. */
    String subject(String name, String value) {
        return option(name) + " '" + value + "'";
    }

    /** The names the credential writer's messages use for the options that fix them. */
    OptionNames optionNames() {
        return new OptionNames(option("primaryCredentialsId") + " / " + option("secondaryCredentialsId"),
                option("credentialsFolder"));
    }

    /** The same for a rotation, whose one credential id is {@code credentialsId}. */
    OptionNames rotationOptionNames() {
        return new OptionNames(option("credentialsId"), option("credentialsFolder"));
    }

    /** The one line a build ends with when its configuration has problems; nothing was sent to Azure. */
    String invalidConfiguration(List<String> problems) {
        String all = String.join("; ", problems);
        return this == PIPELINE
                ? "iotHubRenewKey: " + all + ". Nothing was sent to Azure; fix the arguments and run again."
                : "The Azure IoT Hub key renewal step is not configured correctly: " + all
                        + ". Nothing was sent to Azure; fix the step in the job configuration and run again.";
    }

    /** Like {@link #invalidConfiguration}, for the step {@code step} whose form is called {@code title}. */
    String invalid(String step, String title, List<String> problems) {
        String all = String.join("; ", problems);
        return this == PIPELINE
                ? step + ": " + all + ". Nothing was sent to Azure; fix the arguments and run again."
                : "The " + title + " step is not configured correctly: " + all
                        + ". Nothing was sent to Azure; fix the step in the job configuration and run again.";
    }

    /** Like {@link #invalidConfiguration}, for a rotation. */
    String invalidRotation(List<String> problems) {
        String all = String.join("; ", problems);
        return this == PIPELINE
                ? "iotHubRotateKey: " + all + ". Nothing was sent to Azure; fix the arguments and run again."
                : "The Azure IoT Hub key rotation step is not configured correctly: " + all
                        + ". Nothing was sent to Azure; fix the step in the job configuration and run again.";
    }
}
