package io.jenkins.plugins.azure.iothub.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import hudson.ProxyConfiguration;
import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import java.net.InetSocketAddress;
import java.net.Proxy;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The data-plane proxy follows Manage Jenkins » System » HTTP Proxy, including its No Proxy Host list. */
@WithJenkins
class DataPlaneProxyJenkinsTest {

    @Test
    void jenkinsProxyAppliesToTheHubHostUnlessItIsExempt(JenkinsRule r) {
        r.jenkins.setProxy(new ProxyConfiguration("127.0.0.1", 3128, null, null, "*.azure-devices.net"));

        assertEquals(Proxy.NO_PROXY, DataPlaneProxy.forHub(DataPlaneProxy.JENKINS, "Hub-1", AzureCloud.PUBLIC));
        assertEquals(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 3128)),
                DataPlaneProxy.forHub(DataPlaneProxy.JENKINS, "hub-1", AzureCloud.CHINA));
    }

    @Test
    void withoutAJenkinsProxyTheHubIsReachedDirectly(JenkinsRule r) {
        r.jenkins.setProxy(null);

        assertNull(DataPlaneProxy.forHub(DataPlaneProxy.JENKINS, "hub-1", AzureCloud.PUBLIC));
    }
}
