package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The form, its help and saved configurations as Jenkins handles them. */
@WithJenkins
class IotHubRenewKeyFormJenkinsTest {

    /** Descriptor.getHelpFile asks the current request for the view, so it is only callable inside one. */
    @Test
    void theStepDescriptorAnswersEveryArgumentWithTheConfigurationsHelp(JenkinsRule r) throws Exception {
        IotHubRenewKeyStep.DescriptorImpl step = r.jenkins.getDescriptorByType(IotHubRenewKeyStep.DescriptorImpl.class);
        for (String argument : StepHelpTest.stepArguments()) {
            String help = r.executeOnServer(() -> step.getHelpFile(argument));
            assertEquals("/descriptor/" + RenewKeyConfig.class.getName() + "/help/" + argument, help, argument);
        }
        assertEquals("/descriptor/" + IotHubRenewKeyStep.class.getName() + "/help",
                r.executeOnServer(() -> step.getHelpFile(null)), "the step's own help stays its own");
    }

    /** A job saved before verify and timeoutSeconds existed: XStream runs no initialiser, readResolve does. */
    @Test
    void aSavedJobWithoutNewerOptionsLoadsWithTheirDefaults(JenkinsRule r) throws Exception {
        String xml = """
                <project>
                  <builders>
                    <io.jenkins.plugins.azure.iothub.IotHubRenewKeyBuilder>
                      <renewal>
                        <hub>contoso-hub</hub>
                        <key>secondary</key>
                        <policy>service</policy>
                        <azureCredentialsId>azure-sp</azureCredentialsId>
                        <dryRun>false</dryRun>
                      </renewal>
                    </io.jenkins.plugins.azure.iothub.IotHubRenewKeyBuilder>
                  </builders>
                </project>
                """;
        FreeStyleProject project = (FreeStyleProject) r.jenkins.createProjectFromXML("old",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        RenewKeyConfig loaded = ((IotHubRenewKeyBuilder) project.getBuildersList().get(0)).getRenewal();
        assertTrue(loaded.isVerify(), "verify is on unless switched off");
        assertEquals(RenewKeyConfig.DEFAULT_TIMEOUT_SECONDS, loaded.getTimeoutSeconds());
        assertEquals("connectionString", loaded.getStore());
    }

    /** A freestyle failure speaks of the form's labels, not of Pipeline arguments. */
    @Test
    void aFreestyleConfigurationProblemUsesTheFormsWords(JenkinsRule r) throws Exception {
        RenewKeyConfig config = new RenewKeyConfig("contoso-hub", null);
        config.setPolicy("service");
        config.setAzureCredentialsId("azure-sp");
        config.setTimeoutSeconds(5);
        FreeStyleProject project = r.createFreeStyleProject();
        project.getBuildersList().add(new IotHubRenewKeyBuilder(config));

        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project);

        r.assertLogContains("The Azure IoT Hub key renewal step is not configured correctly: Key to renew is required:"
                + " primary, secondary or swap; Time budget (seconds) '5' is out of range: use 10 to 3600.", build);
        r.assertLogNotContains("iotHubRenewKey:", build);
        r.assertLogNotContains("timeoutSeconds", build);
    }
}
