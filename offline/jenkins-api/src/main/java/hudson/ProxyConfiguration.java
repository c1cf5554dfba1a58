package hudson;

import hudson.model.Describable;
import java.io.Serializable;
import java.net.Proxy;

// Offline declaration (Jenkins core). Saveable is left out of the supertypes; nothing is saved offline.
public final class ProxyConfiguration implements Describable<ProxyConfiguration>, Serializable {
    private static final long serialVersionUID = 1L;

    public ProxyConfiguration(String name, int port) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public ProxyConfiguration(String name, int port, String userName, String password, String noProxyHost) {
        throw new UnsupportedOperationException("offline declaration");
    }

    public String getName() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public Proxy createProxy(String host) {
        throw new UnsupportedOperationException("offline declaration");
    }
}
