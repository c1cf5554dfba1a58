package io.jenkins.plugins.azure.iothub.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The LICENSE file is the license pom.xml declares (the update center shows the POM's). */
class LicenseTest {

    private static final Pattern POM_LICENSE = Pattern.compile("<license>\\s*<name>([^<]+)</name>");

    @Test
    void licenseFileMatchesThePom() throws Exception {
        String pom = Files.readString(SourceTree.root().resolve("pom.xml"), StandardCharsets.UTF_8);
        List<String> license = Files.readAllLines(SourceTree.root().resolve("LICENSE"), StandardCharsets.UTF_8);
        Matcher declared = POM_LICENSE.matcher(pom);

        assertTrue(declared.find(), "pom.xml declares no license");
        assertEquals(declared.group(1).trim(), license.get(0).trim());
        assertTrue(String.join(" ", license).contains("Permission is hereby granted, free of charge"),
                "LICENSE is not the MIT text");
    }
}
