package com.cloudbees.plugins.credentials.domains;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import java.io.Serializable;

// Offline declaration (credentials plugin): supertype AbstractDescribableImpl left out; nothing offline uses one.
public abstract class DomainSpecification implements ExtensionPoint, Serializable {
    public abstract Result test(@NonNull DomainRequirement scope);

    public enum Result {
        UNKNOWN,
        NEGATIVE,
        PARTIAL,
        POSITIVE
    }
}
