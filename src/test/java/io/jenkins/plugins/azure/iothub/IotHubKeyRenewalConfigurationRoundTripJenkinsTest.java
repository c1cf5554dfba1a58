package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.casc.misc.junit.jupiter.AbstractRoundTripTest;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * configuration-as-code's full round trip of configuration-as-code.yaml: apply it, check and apply it again through
 * the Configuration as Code page, then restart Jenkins with it as $JENKINS_HOME/jenkins.yaml.
 */
class IotHubKeyRenewalConfigurationRoundTripJenkinsTest extends AbstractRoundTripTest {

    @Override
    protected void assertConfiguredAsExpected(JenkinsRule j, String configContent) {
        IotHubKeyRenewalConfigurationAsCodeJenkinsTest.assertConfiguredByTheYaml(IotHubKeyRenewalConfiguration.get());
    }

    /** JCasC logs each attribute it sets at FINE: "Setting {target}.{attribute} = {value}". */
    @Override
    protected String stringInLogExpected() {
        return ".allowSystemBuildsToWriteSystemStore = true";
    }
}
