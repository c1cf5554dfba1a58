package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

// Offline declaration (credentials plugin).
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
