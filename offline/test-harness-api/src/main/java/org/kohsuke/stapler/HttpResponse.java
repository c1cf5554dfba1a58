package org.kohsuke.stapler;

// Offline declaration (stapler): only tests name it, as the type WorkflowRun.doStop() returns.
public interface HttpResponse {}
