package io.jenkins.plugins.azure.iothub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.azure.iothub.jenkins.CredentialsLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The administrator's list of folders that SYSTEM builds may write: exactly those folders, nothing implied. */
class SystemWriteOptInTest {

    private final IotHubKeyRenewalConfiguration config = new IotHubKeyRenewalConfiguration();

    @Test
    void nothingIsOpenByDefault() {
        CredentialsLocation.SystemWriteOptIn optIn = config.systemWriteOptIn();
        assertFalse(optIn.systemStore());
        assertFalse(optIn.folder("team-a"));
        assertEquals(List.of(), config.systemWritableFolderNames());
    }

    @Test
    void listedFoldersOnlyOneALineTrimmed() {
        config.setSystemWritableFolders(" team-a \r\n\r\nteam-b/iot\n");

        CredentialsLocation.SystemWriteOptIn optIn = config.systemWriteOptIn();
        assertEquals(List.of("team-a", "team-b/iot"), config.systemWritableFolderNames());
        assertTrue(optIn.folder("team-a"));
        assertTrue(optIn.folder("team-b/iot"));
        assertFalse(optIn.folder("team-a/sub"), "a subfolder must be listed itself");
        assertFalse(optIn.folder("team-b"), "listing a subfolder does not open its parent");
        // Jenkins item names ignore case: jenkins@jenkins-2.541.3:core/src/main/java/jenkins/model/Jenkins.java and
        // cloudbees-folder@6.1100.ve9eed61d16c4:.../AbstractFolder.java keep items in CASE_INSENSITIVE_ORDER maps
        assertTrue(optIn.folder("TEAM-A"), "the same folder, as Jenkins names it");
        assertFalse(optIn.systemStore(), "the system store has its own switch");
    }

    @Test
    void anEmptyListIsNone() {
        config.setSystemWritableFolders("   ");
        assertNull(config.getSystemWritableFolders());
        assertFalse(config.systemWriteOptIn().folder(""));
    }
}
