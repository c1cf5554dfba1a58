package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The administrator's opt-ins for SYSTEM builds stay visible: a security warning names every store they open. */
@WithJenkins
class SystemWriteMonitorJenkinsTest {

    @Test
    void warnsWhileAnyOptInIsOnAndNamesEachStore(JenkinsRule r) {
        SystemWriteMonitor monitor = ExtensionList.lookupSingleton(SystemWriteMonitor.class);
        IotHubKeyRenewalConfiguration config = IotHubKeyRenewalConfiguration.get();
        assertFalse(monitor.isActivated(), "nothing opted in on a fresh Jenkins");
        assertTrue(monitor.isSecurity());

        config.setSystemWritableFolders("team-a\n  team-b/iot  \n\n");
        assertTrue(monitor.isActivated());
        assertEquals(List.of("the credentials of folder 'team-a'", "the credentials of folder 'team-b/iot'"),
                monitor.getStores());

        config.setSystemWritableFolders("");
        config.setAllowSystemBuildsToWriteSystemStore(true);
        assertTrue(monitor.isActivated());
        assertEquals(List.of("the Jenkins system credentials"), monitor.getStores());

        config.setAllowSystemBuildsToWriteSystemStore(false);
        assertFalse(monitor.isActivated());
    }
}
