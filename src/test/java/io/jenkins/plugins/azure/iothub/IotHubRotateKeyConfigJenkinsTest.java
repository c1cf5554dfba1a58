package io.jenkins.plugins.azure.iothub;

import hudson.model.FreeStyleProject;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The rotation step's form keeps every option and its phase; the generated snippet keeps every argument. */
@WithJenkins
class IotHubRotateKeyConfigJenkinsTest {

    private static RotateKeyConfig policyRotation() {
        RotateKeyConfig config = new RotateKeyConfig("contoso-hub");
        config.setPolicy("service");
        config.setCredentialsId("iothub-contoso-service");
        config.setInUse("secondary");
        config.setAzureCredentialsId("azure-sp");
        config.setResourceGroup("iot-prod");
        config.setSubscriptionId("00000000-0000-0000-0000-0000000000aa");
        config.setStore("key");
        config.setVerify(false);
        config.setTimeoutSeconds(120);
        return config;
    }

    private static RotateKeyConfig deviceRotation() {
        RotateKeyConfig config = new RotateKeyConfig("contoso-hub");
        config.setDevice("thermostat-7");
        config.setModule("edge-agent");
        config.setAzureCredentialsId("azure-sp");
        config.setDataPlaneAuth("login");
        config.setCredentialsFolder("team");
        config.setDryRun(true);
        return config;
    }

    @Test
    void prepareWithEveryPolicyOptionSurvivesTheForm(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRotateKeyBuilder(policyRotation(),
                IotHubRotateKeyBuilder.PHASE_PREPARE));

        project = r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(new IotHubRotateKeyBuilder(policyRotation(), IotHubRotateKeyBuilder.PHASE_PREPARE),
                project.getBuildersList().get(0));
    }

    @Test
    void finishOfAModuleSurvivesTheForm(JenkinsRule r) throws Exception {
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRotateKeyBuilder(deviceRotation(),
                IotHubRotateKeyBuilder.PHASE_FINISH));

        project = r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(new IotHubRotateKeyBuilder(deviceRotation(), IotHubRotateKeyBuilder.PHASE_FINISH),
                project.getBuildersList().get(0));
    }

    @Test
    void snippetOfAPolicyRotationWritesOnlyWhatDiffersFromTheDefaults(JenkinsRule r) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(r);
        IotHubRotateKeyStep step = new IotHubRotateKeyStep("contoso-hub");
        step.setPolicy("service");
        step.setCredentialsId("iothub-contoso-service");
        step.setInUse("primary");
        step.setAzureCredentialsId("azure-sp");
        step.setResourceGroup("iot-prod");

        snippets.assertRoundTrip(step, "iotHubRotateKey(azureCredentialsId: 'azure-sp', credentialsId:"
                + " 'iothub-contoso-service', hub: 'contoso-hub', inUse: 'primary', policy: 'service', resourceGroup:"
                + " 'iot-prod') {\n    // some block\n}");

        step.setStore("key");
        step.setVerify(false);
        step.setTimeoutSeconds(60);
        step.setDryRun(true);
        snippets.assertRoundTrip(step, "iotHubRotateKey(azureCredentialsId: 'azure-sp', credentialsId:"
                + " 'iothub-contoso-service', dryRun: true, hub: 'contoso-hub', inUse: 'primary', policy: 'service',"
                + " resourceGroup: 'iot-prod', store: 'key', timeoutSeconds: 60, verify: false) {\n"
                + "    // some block\n}");
    }

    @Test
    void snippetOfAModuleRotation(JenkinsRule r) throws Exception {
        IotHubRotateKeyStep step = new IotHubRotateKeyStep("contoso-hub");
        step.setDevice("thermostat-7");
        step.setModule("edge-agent");
        step.setDataPlaneAuth("login");
        step.setCredentialsFolder("team");
        step.setSubscriptionId("00000000-0000-0000-0000-0000000000aa");

        new SnippetizerTester(r).assertRoundTrip(step, "iotHubRotateKey(credentialsFolder: 'team', dataPlaneAuth:"
                + " 'login', device: 'thermostat-7', hub: 'contoso-hub', module: 'edge-agent', subscriptionId:"
                + " '00000000-0000-0000-0000-0000000000aa') {\n    // some block\n}");
    }
}
