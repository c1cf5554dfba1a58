package org.jenkinsci.plugins.credentialsbinding.impl;

import hudson.tasks.BuildWrapper;
import java.util.List;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;

// Offline declaration (credentials-binding): the freestyle build wrapper "Use secret text(s) or file(s)".
public class SecretBuildWrapper extends BuildWrapper {
    @DataBoundConstructor
    public SecretBuildWrapper(List<? extends MultiBinding<?>> bindings) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public List<? extends MultiBinding<?>> getBindings() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
