package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

// Offline declaration (credentials plugin).
public class DomainRequirement implements ExtensionPoint, Serializable {
    public DomainRequirement() {}
}
