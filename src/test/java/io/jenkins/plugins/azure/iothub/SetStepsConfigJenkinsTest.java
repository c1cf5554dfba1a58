package io.jenkins.plugins.azure.iothub;

import hudson.model.FreeStyleProject;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The forms and snippets of {@code iotHubRenewPolicyKeys} and {@code iotHubRenewFleetKeys}: a freestyle configuration
 * survives the form (the repeatable policies included), and the snippet generator writes only what differs from the
 * defaults, the policies as a list of maps without {@code $class}.
 */
@WithJenkins
class SetStepsConfigJenkinsTest {

    @Test
    void freestylePoliciesSurviveTheForm(JenkinsRule r) throws Exception {
        PolicyKeyChoice service = new PolicyKeyChoice("service", "secondary");
        service.setSecondaryCredentialsId("service-cs");
        RenewPolicyKeysConfig config = new RenewPolicyKeysConfig("contoso-hub",
                List.of(service, new PolicyKeyChoice("registryRead", "swap")));
        config.setAzureCredentialsId("azure-sp");
        config.setResourceGroup("iot-prod");
        config.setStore("key");
        config.setVerify(false);
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewPolicyKeysBuilder(config));

        project = r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(new IotHubRenewPolicyKeysBuilder(config), project.getBuildersList().get(0));
    }

    @Test
    void freestyleFleetSurvivesTheForm(JenkinsRule r) throws Exception {
        RenewFleetKeysConfig config = new RenewFleetKeysConfig("contoso-hub", "both");
        config.setDevices("sensor-1\nsensor-2\ngateway-1/edge-agent");
        config.setStoreIn("file");
        config.setFileCredentialsId("fleet-keys");
        config.setRotation("2026-12");
        config.setOperationsPerMinute(50);
        config.setAzureCredentialsId("azure-sp");
        config.setDataPlaneAuth("login");
        config.setTimeoutSeconds(120);
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewFleetKeysBuilder(config));

        project = r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(new IotHubRenewFleetKeysBuilder(config), project.getBuildersList().get(0));
    }

    @Test
    void policySnippet(JenkinsRule r) throws Exception {
        IotHubRenewPolicyKeysStep step = new IotHubRenewPolicyKeysStep("contoso-hub",
                List.of(new PolicyKeyChoice("service", "secondary"), new PolicyKeyChoice("registryRead", "swap")));
        step.setAzureCredentialsId("azure-sp");
        new SnippetizerTester(r).assertRoundTrip(step, "iotHubRenewPolicyKeys azureCredentialsId: 'azure-sp', "
                + "hub: 'contoso-hub', policies: [[key: 'secondary', policy: 'service'], "
                + "[key: 'swap', policy: 'registryRead']]");
    }

    @Test
    void fleetSnippet(JenkinsRule r) throws Exception {
        IotHubRenewFleetKeysStep step = new IotHubRenewFleetKeysStep("contoso-hub", "secondary");
        step.setAllDevices(true);
        step.setStoreIn("file");
        step.setRotation("2026-12");
        new SnippetizerTester(r).assertRoundTrip(step, "iotHubRenewFleetKeys allDevices: true, hub: 'contoso-hub', "
                + "key: 'secondary', rotation: '2026-12', storeIn: 'file'");
    }
}
