package com.cloudbees.plugins.credentials.domains;

import java.io.Serializable;

// Offline declaration (credentials plugin): global() is one shared instance; no other domains offline.
public class Domain implements Serializable {
    private static final Domain GLOBAL = new Domain();

    private Domain() {}

    public static Domain global() {
        return GLOBAL;
    }

    public String getName() {
        return null;
    }

    public boolean isGlobal() {
        return this == GLOBAL;
    }
}
