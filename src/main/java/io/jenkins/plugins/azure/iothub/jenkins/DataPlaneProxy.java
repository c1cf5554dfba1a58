package io.jenkins.plugins.azure.iothub.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import java.net.Proxy;
import java.util.Locale;
import jenkins.model.Jenkins;

/**
 * The proxy for a hub's data plane (device registry, key verification). Those requests are made by the IoT
 * service SDK with {@code HttpsURLConnection}, not by azure-sdk's proxy-aware HTTP client, so the engine needs the
 * proxy handed over explicitly.
 */
final class DataPlaneProxy {

    /** Jenkins' proxy choice for one host; null means connect directly. */
    @FunctionalInterface
    interface Lookup {
        @CheckForNull
        Proxy forHost(@CheckForNull String host);
    }

    /** Manage Jenkins » System » HTTP Proxy, honouring its "No Proxy Host" patterns. */
    static final Lookup JENKINS = host -> {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        return proxy == null || proxy.getName() == null ? null : proxy.createProxy(host);
    };

    private DataPlaneProxy() {}

    /** The proxy for the given hub's data-plane host. */
    @CheckForNull
    static Proxy forHub(Lookup lookup, String hub, AzureCloud cloud) {
        return lookup.forHost(hostName(hub, cloud));
    }

    /**
     * The hub's host name, known before Azure is asked: hub names are unique per cloud and the host is
     * {@code <hub>.<cloud's IoT Hub domain>}, in lower case as Azure reports it. Null for a custom cloud, whose
     * domain is unknown; Jenkins then applies the proxy without looking at its "No Proxy Host" list.
     */
    @CheckForNull
    static String hostName(String hub, AzureCloud cloud) {
        String domain = cloud == AzureCloud.PUBLIC ? "azure-devices.net"
                : cloud == AzureCloud.CHINA ? "azure-devices.cn"
                : cloud == AzureCloud.US_GOVERNMENT ? "azure-devices.us"
                : null;
        return domain == null ? null : hub.toLowerCase(Locale.ROOT) + "." + domain;
    }
}
