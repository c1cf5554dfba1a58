package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ProxyConfiguration;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.TopLevelItem;
import hudson.security.ACL;
import hudson.security.AuthorizationStrategy;
import hudson.security.SecurityRealm;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

// Offline declaration. There is no running Jenkins offline: get() fails the way the real one does before
// startup, so offline tests must not reach it.
public class Jenkins implements ItemGroup<TopLevelItem>, AccessControlled {
    // The real constructors need Jenkins' task reactor; nothing creates a Jenkins offline.
    private Jenkins() {}

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("Jenkins has not been started (offline build)");
    }

    @CheckForNull
    public static Jenkins getInstanceOrNull() {
        return null;
    }

    // Real body (jenkins@jenkins-2.541.3:core/src/main/java/jenkins/model/Jenkins.java): the thread's
    // authentication, or anonymous.
    public static @NonNull Authentication getAuthentication2() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null) {
            a = ANONYMOUS2;
        }
        return a;
    }

    public static final Authentication ANONYMOUS2 = new AnonymousAuthenticationToken(
            "anonymous", "anonymous", Set.of(new SimpleGrantedAuthority("anonymous")));

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public TopLevelItem createProjectFromXML(String name, java.io.InputStream xml) throws java.io.IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public @CheckForNull <T extends Item> T getItemByFullName(@NonNull String fullName, Class<T> type)
            throws AccessDeniedException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @CheckForNull
    public ProxyConfiguration getProxy() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void setProxy(@CheckForNull ProxyConfiguration proxy) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
        throw new UnsupportedOperationException("offline declaration");
    }

    /** Tests call it after adding a "Build other projects" trigger, as Jenkins' own tests do. */
    public void rebuildDependencyGraph() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void setSecurityRealm(@CheckForNull SecurityRealm securityRealm) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void setAuthorizationStrategy(@CheckForNull AuthorizationStrategy a) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public List<TopLevelItem> getItems() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getUrl() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public String getUrlChildPrefix() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public TopLevelItem getItem(String name) throws AccessDeniedException {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public File getRootDirFor(TopLevelItem child) {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public void onDeleted(TopLevelItem item) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static final PermissionGroup PERMISSIONS = Permission.HUDSON_PERMISSIONS;
    public static final Permission ADMINISTER = Permission.HUDSON_ADMINISTER;
    public static final Permission MANAGE = new Permission(PERMISSIONS, "Manage", null, ADMINISTER);
    public static final Permission SYSTEM_READ = new Permission(PERMISSIONS, "SystemRead", null, ADMINISTER);
    public static final Permission READ = new Permission(PERMISSIONS, "Read", null, null);
}
