package io.jenkins.plugins.azure.iothub.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's demo keeps working and shows what it promises. */
class KeyRenewalDemoTest {

    @Test
    void demoRenewsAPolicyKeyAndADeviceKeyRotatesADeviceAndPrintsNoKey() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        boolean passed = new KeyRenewalDemo(new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        String output = console.toString(StandardCharsets.UTF_8);
        assertTrue(passed, output);
        assertTrue(output.contains("Finished in"), output);
        assertTrue(output.contains("every check passed."), output);
        assertTrue(output.contains("build log | Renewing the secondary key of policy 'service' on hub 'demo-hub'"),
                output);
        assertTrue(output.contains("build log | Renewing the primary key of device 'thermostat-1' on hub 'demo-hub'"),
                output);
        assertTrue(output.contains("[credential store] create secret text 'iothub.demo-hub.policy.service.secondary'"),
                output);
        assertTrue(output.contains("[credential store] update secret text 'iothub.demo-hub.policy.service.secondary'"),
                output);
        assertTrue(output.contains("[credential store] create secret text "
                + "'iothub.demo-hub.device.thermostat-1.primary'"), output);
        assertTrue(output.contains("build log | ERROR: Shared access policy 'sevrice' was not found on IoT hub "
                + "'demo-hub'"), output);
        assertTrue(output.contains("build log | Rotating device 'gateway-2' on hub 'demo-hub': consumers use the"
                + " primary key"), output);
        assertTrue(output.contains("[credential store] create secret text 'iothub.demo-hub.device.gateway-2.current'"),
                output);
        assertTrue(output.contains("ok   consumer probe: after prepare, the device still runs with its old key"
                + " (accepted by the hub)"), output);
        assertTrue(output.contains("ok   consumer probe: after finish, the key the device left is revoked (refused by"
                + " the hub)"), output);
        assertTrue(output.contains("    prepare: no credential yet -> handing over, renewed the secondary key;"),
                output);
        assertTrue(output.contains("    finish: handing over -> complete, renewed the primary key;"), output);
        assertEquals(4, count(output, "  CHANGED"), output);
        assertEquals(10, count(output, "  unchanged"), output);
        assertFalse(output.contains("FAIL"), output);
    }

    @Test
    void pipelineCallShownByTheDemoIsAValidStepCall() {
        var config = new io.jenkins.plugins.azure.iothub.RenewKeyConfig("demo-hub", "primary");
        config.setDevice("thermostat-1");
        config.setResourceGroup("rg-demo");
        config.setAzureCredentialsId("demo-azure-sp");

        assertEquals("iotHubRenewKey(hub: 'demo-hub', resourceGroup: 'rg-demo', device: 'thermostat-1', "
                + "key: 'primary', azureCredentialsId: 'demo-azure-sp')", KeyRenewalDemo.pipelineCall(config));
        assertTrue(config.validate().isEmpty(), () -> String.valueOf(config.validate()));
    }

    @Test
    void rotationCallShownByTheDemoIsAValidStepCall() {
        var config = new io.jenkins.plugins.azure.iothub.RotateKeyConfig("demo-hub");
        config.setDevice("gateway-2");
        config.setResourceGroup("rg-demo");
        config.setAzureCredentialsId("demo-azure-sp");
        config.setInUse("primary");

        assertEquals("iotHubRotateKey(hub: 'demo-hub', resourceGroup: 'rg-demo', device: 'gateway-2', "
                + "inUse: 'primary', azureCredentialsId: 'demo-azure-sp')", KeyRenewalDemo.rotationCall(config));
        assertTrue(config.validate().isEmpty(), () -> String.valueOf(config.validate()));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
