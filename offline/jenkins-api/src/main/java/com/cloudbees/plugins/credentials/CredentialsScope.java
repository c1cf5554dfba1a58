package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;
import java.io.Serializable;

// Offline declaration (credentials plugin).
public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            return "System";
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("offline declaration");
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            return "Global";
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("offline declaration");
        }
    },
    USER {
        @Override
        public String getDisplayName() {
            return "User";
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("offline declaration");
        }
    };

    public abstract String getDisplayName();

    public abstract boolean isVisible(ModelObject context);
}
