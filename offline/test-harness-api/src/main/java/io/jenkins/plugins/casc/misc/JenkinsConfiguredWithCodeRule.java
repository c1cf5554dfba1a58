package io.jenkins.plugins.casc.misc;

// Offline declaration (configuration-as-code test-harness).
public class JenkinsConfiguredWithCodeRule extends JenkinsConfiguredRule {}
