package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;

// Offline declaration (credentials plugin): the matchers are plain predicates.
public class CredentialsMatchers {
    private CredentialsMatchers() {}

    @NonNull
    public static CredentialsMatcher always() {
        return item -> true;
    }

    @NonNull
    public static CredentialsMatcher withId(@NonNull String id) {
        return item -> item instanceof IdCredentials idc && id.equals(idc.getId());
    }

    @NonNull
    public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        return item -> clazz.isInstance(item);
    }
}
