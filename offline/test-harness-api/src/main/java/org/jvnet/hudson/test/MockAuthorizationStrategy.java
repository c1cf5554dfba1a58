package org.jvnet.hudson.test;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import hudson.security.AuthorizationStrategy;
import hudson.security.Permission;
import java.util.Collection;

// Offline declaration (jenkins-test-harness).
public class MockAuthorizationStrategy extends AuthorizationStrategy {
    public MockAuthorizationStrategy() {}

    public Grant grant(Permission... permissions) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public ACL getRootACL() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public Collection<String> getGroups() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public class Grant {
        private Grant() {}

        public GrantOn everywhere() {
            throw new UnsupportedOperationException("offline declaration");
        }

        public GrantOn onRoot() {
            throw new UnsupportedOperationException("offline declaration");
        }

        public GrantOn onItems(Item... items) {
            throw new UnsupportedOperationException("offline declaration");
        }

        public GrantOn onFolders(ItemGroup<?>... folders) {
            throw new UnsupportedOperationException("offline declaration");
        }

        public GrantOn onPaths(String... pathRegexps) {
            throw new UnsupportedOperationException("offline declaration");
        }

        public class GrantOn {
            private GrantOn() {}

            public MockAuthorizationStrategy to(String... sids) {
                throw new UnsupportedOperationException("offline declaration");
            }

            public MockAuthorizationStrategy toEveryone() {
                throw new UnsupportedOperationException("offline declaration");
            }

            public MockAuthorizationStrategy toAuthenticated() {
                throw new UnsupportedOperationException("offline declaration");
            }
        }
    }
}
