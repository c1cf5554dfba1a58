package org.jenkinsci.plugins.credentialsbinding.impl;

import org.jenkinsci.plugins.credentialsbinding.Binding;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundConstructor;

// Offline declaration (credentials-binding): "Secret text" in "Use secret text(s) or file(s)".
public class StringBinding extends Binding<StringCredentials> {
    @DataBoundConstructor
    public StringBinding(String variable, String credentialsId) {
        super(variable, credentialsId);
    }

    @Override
    protected Class<StringCredentials> type() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
