package com.cloudbees.plugins.credentials.domains;

import hudson.Util;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

// Offline declaration with the real bodies of the members the plugin and its tests use: domains are equal by name,
// global() is the domain without a name
// (credentials-plugin@1502.v5c95e620ddfe:src/main/java/com/cloudbees/plugins/credentials/domains/Domain.java).
public class Domain implements Serializable {
    private final String name;
    private final String description;
    private final List<DomainSpecification> specifications;

    public Domain(String name, String description, List<DomainSpecification> specifications) {
        this.name = Util.fixEmptyAndTrim(name);
        this.description = Util.fixEmptyAndTrim(description);
        this.specifications = specifications == null ? new ArrayList<>() : new ArrayList<>(specifications);
    }

    public static Domain global() {
        return ResourceHolder.GLOBAL;
    }

    public String getName() {
        return name;
    }

    public boolean isGlobal() {
        return equals(global());
    }

    @Override
    public int hashCode() {
        return name != null ? name.hashCode() : 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Domain domain = (Domain) o;
        return Objects.equals(name, domain.name);
    }

    private static final class ResourceHolder {
        private static final Domain GLOBAL = new Domain(null, null, Collections.emptyList());
    }
}
