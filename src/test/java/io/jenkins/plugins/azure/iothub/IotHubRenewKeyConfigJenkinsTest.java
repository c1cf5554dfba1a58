package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleProject;
import java.io.File;
import java.nio.file.Files;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Forms and generated snippets keep every option. Needs a running Jenkins. */
@WithJenkins
class IotHubRenewKeyConfigJenkinsTest {

    @Test
    void freestyleConfigurationSurvivesTheForm(JenkinsRule r) throws Exception {
        RenewKeyConfig config = new RenewKeyConfig("contoso-hub", "secondary");
        config.setPolicy("service");
        config.setAzureCredentialsId("azure-sp");
        config.setResourceGroup("iot-prod");
        config.setSecondaryCredentialsId("service-cs");
        config.setStore("key");
        config.setVerify(false);
        config.setTimeoutSeconds(120);
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewKeyBuilder(config));

        project = r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(new IotHubRenewKeyBuilder(config), project.getBuildersList().get(0));
        assertSavedFlat(project, "<policy>service</policy>");
    }

    /** The form's one choice of target is saved as the Pipeline's flat fields, nothing of its own. */
    private static void assertSavedFlat(FreeStyleProject project, String expected) throws Exception {
        String xml = Files.readString(new File(project.getRootDir(), "config.xml").toPath());
        assertTrue(xml.contains(expected), xml);
        assertFalse(xml.contains("<target"), xml);
        assertFalse(xml.contains("TargetChoice"), xml);
    }

    @Test
    void freestyleDeviceConfigurationSurvivesTheForm(JenkinsRule r) throws Exception {
        RenewKeyConfig config = new RenewKeyConfig("contoso-hub", "both");
        config.setDevice("thermostat-7");
        config.setModule("edge-agent");
        config.setAzureCredentialsId("azure-sp");
        config.setDataPlaneAuth("login");
        config.setDryRun(true);
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewKeyBuilder(config));

        project = r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(new IotHubRenewKeyBuilder(config), project.getBuildersList().get(0));
        assertSavedFlat(project, "<device>thermostat-7</device>");
        assertTrue(Files.readString(new File(project.getRootDir(), "config.xml").toPath())
                .contains("<module>edge-agent</module>"));
    }

    @Test
    void freestyleDeviceWithoutModuleSurvivesTheForm(JenkinsRule r) throws Exception {
        RenewKeyConfig config = new RenewKeyConfig("contoso-hub", "secondary");
        config.setDevice("thermostat-8");
        config.setAzureCredentialsId("azure-sp");
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewKeyBuilder(config));

        project = r.configRoundtrip(project);

        r.assertEqualDataBoundBeans(new IotHubRenewKeyBuilder(config), project.getBuildersList().get(0));
        assertSavedFlat(project, "<device>thermostat-8</device>");
    }

    /** The rotation's freestyle form chooses its target the same way (without a key list). */
    @Test
    void freestyleRotationTargetsSurviveTheForm(JenkinsRule r) throws Exception {
        RotateKeyConfig policy = new RotateKeyConfig("contoso-hub");
        policy.setPolicy("service");
        policy.setCredentialsId("service-cs");
        policy.setAzureCredentialsId("azure-sp");
        RotateKeyConfig module = new RotateKeyConfig("contoso-hub");
        module.setDevice("thermostat-7");
        module.setModule("edge-agent");
        module.setDataPlaneAuth("login");
        module.setCredentialsId("edge-cs");
        module.setAzureCredentialsId("azure-sp");
        for (RotateKeyConfig config : new RotateKeyConfig[] {policy, module}) {
            FreeStyleProject project = r.createFreeStyleProject();
            project.getBuildersList().add(new IotHubRotateKeyBuilder(config, "prepare"));

            project = r.configRoundtrip(project);

            r.assertEqualDataBoundBeans(new IotHubRotateKeyBuilder(config, "prepare"),
                    project.getBuildersList().get(0));
            assertSavedFlat(project, config.getPolicy() != null ? "<policy>service</policy>"
                    : "<device>thermostat-7</device>");
        }
    }

    @Test
    void snippetGeneratorWritesOnlyWhatDiffersFromTheDefaults(JenkinsRule r) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(r);
        IotHubRenewKeyStep step = new IotHubRenewKeyStep("contoso-hub", "primary");
        step.setPolicy("service");
        snippets.assertRoundTrip(step, "iotHubRenewKey hub: 'contoso-hub', key: 'primary', policy: 'service'");

        step.setAzureCredentialsId("azure-sp");
        step.setDryRun(true);
        step.setStore("key");
        step.setVerify(false);
        step.setTimeoutSeconds(60);
        snippets.assertRoundTrip(step, "iotHubRenewKey azureCredentialsId: 'azure-sp', dryRun: true, "
                + "hub: 'contoso-hub', key: 'primary', policy: 'service', store: 'key', timeoutSeconds: 60, "
                + "verify: false");
    }

    @Test
    void deviceSnippet(JenkinsRule r) throws Exception {
        IotHubRenewKeyStep step = new IotHubRenewKeyStep("contoso-hub", "both");
        step.setDevice("thermostat-7");
        step.setModule("edge-agent");
        step.setDataPlaneAuth("login");
        step.setPrimaryCredentialsId("p-cs");
        step.setSecondaryCredentialsId("s-cs");
        new SnippetizerTester(r).assertRoundTrip(step, "iotHubRenewKey dataPlaneAuth: 'login', device: 'thermostat-7', "
                + "hub: 'contoso-hub', key: 'both', module: 'edge-agent', primaryCredentialsId: 'p-cs', "
                + "secondaryCredentialsId: 's-cs'");
    }
}
