package io.jenkins.plugins.azure.iothub.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Twenty writers each do a careful read-modify-write of their own policy at the same time, retrying on 409 (hub
 * busy) and 412 (stale etag). The emulator must serialise them: every write lands, none is lost.
 */
class ConcurrencyTest {
    private static final String V = "?api-version=2021-07-01";
    private static final int WRITERS = 20;

    @Test
    void concurrentReadModifyWritesAllLand() throws Exception {
        try (IotHubEmulator emu = IotHubEmulator.start()) {
            emu.lro().pollsUntilDone(0);
            SimulatedHub hub = emu.addHub("s", "g", "busy-hub");
            for (int i = 0; i < WRITERS; i++) {
                hub.addPolicy("p" + i, "RegistryRead");
            }
            String url = emu.armEndpoint() + "/subscriptions/s/resourceGroups/g/providers/Microsoft.Devices/IotHubs/"
                    + "busy-hub";
            String bearer = RawHttp.armBearer(emu);
            RawHttp http = new RawHttp();
            assertEquals(200, http.send("GET", url + V, bearer, null, null).status);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String name = "p" + i;
                results.add(pool.submit(() -> renewSecondary(http, url, bearer, name)));
            }
            for (int i = 0; i < WRITERS; i++) {
                String wanted = results.get(i).get(60, TimeUnit.SECONDS);
                assertEquals(wanted, hub.policy("p" + i).secondaryKey(), "write of p" + i + " was lost");
            }
            pool.shutdown();
            assertEquals(5 + WRITERS, hub.policies().size());
            assertTrue(emu.requests().count("PUT", ".*") >= WRITERS);
        }
    }

    /** Read hub + keys, set a new secondary key on one policy, PUT with If-Match; retry on 409/412. */
    private static String renewSecondary(RawHttp http, String url, String bearer, String policy) throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            ObjectNode hub = (ObjectNode) http.send("GET", url + V, bearer, null, null).json();
            JsonNode keys = http.send("POST", url + "/listkeys" + V, bearer, null, null).json().get("value");
            String newKey = SymmetricKeys.generate();
            keys.forEach(p -> {
                if (p.get("keyName").asText().equals(policy)) {
                    ((ObjectNode) p).put("secondaryKey", newKey);
                }
            });
            ((ObjectNode) hub.get("properties")).set("authorizationPolicies", keys);
            RawHttp.Answer put = http.send("PUT", url + V, bearer, hub.get("etag").asText(), hub.toString());
            if (put.status == 201) {
                JsonNode status;
                do {
                    status = http.send("GET", put.header("Azure-AsyncOperation"), bearer, null, null).json();
                } while ("Running".equals(status.get("status").asText()));
                assertEquals("Succeeded", status.get("status").asText());
                return newKey;
            }
            assertTrue(put.status == 409 || put.status == 412, put.toString());
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 20));
        }
        throw new AssertionError("no success for " + policy);
    }
}
