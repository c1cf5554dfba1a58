package io.jenkins.plugins.azure.iothub.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jenkins.plugins.azure.iothub.engine.AzureCloud;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jenkins is asked for the proxy of the hub's own host, so its "No Proxy Host" patterns can exempt the hub. */
class DataPlaneProxyTest {

    @Test
    void hostNameIsTheHubInTheCloudsIotHubDomainInLowerCase() {
        assertEquals("my-hub.azure-devices.net", DataPlaneProxy.hostName("My-Hub", AzureCloud.PUBLIC));
        assertEquals("my-hub.azure-devices.cn", DataPlaneProxy.hostName("my-hub", AzureCloud.CHINA));
        assertEquals("my-hub.azure-devices.us", DataPlaneProxy.hostName("my-hub", AzureCloud.US_GOVERNMENT));
    }

    @Test
    void customCloudHasNoKnownHostName() {
        AzureCloud custom = AzureCloud.custom("https://management.example/", "https://management.example//.default",
                "https://iothubs.azure.net/.default");
        assertNull(DataPlaneProxy.hostName("my-hub", custom));
    }

    @Test
    void theLookupDecidesAndItsAnswerIsPassedOnUnchanged() {
        Proxy corporate = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example", 3128));
        List<String> asked = new ArrayList<>();
        DataPlaneProxy.Lookup exemptAzure = host -> {
            asked.add(host);
            return host != null && host.endsWith(".azure-devices.net") ? Proxy.NO_PROXY : corporate;
        };

        assertSame(Proxy.NO_PROXY, DataPlaneProxy.forHub(exemptAzure, "Hub-1", AzureCloud.PUBLIC));
        assertSame(corporate, DataPlaneProxy.forHub(exemptAzure, "hub-1", AzureCloud.CHINA));
        assertEquals(List.of("hub-1.azure-devices.net", "hub-1.azure-devices.cn"), asked);
        assertNull(DataPlaneProxy.forHub(host -> null, "hub-1", AzureCloud.PUBLIC));
    }
}
