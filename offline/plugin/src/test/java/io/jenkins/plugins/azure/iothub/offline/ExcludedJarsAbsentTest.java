package io.jenkins.plugins.azure.iothub.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The exclusions pom.xml puts on the test-scope iot-service-client keep the stacks RegistryClient does not use off the
 * test classpath in both builds; the emulator's fidelity tests (RegistrySdkTest, ArmSdkTest) must still run the SDK
 * clients. This pins both: the excluded stacks are not on the offline test classpath, the SDK clients are.
 */
class ExcludedJarsAbsentTest {

    /** One well-known class of each excluded jar. */
    private static final List<String> EXCLUDED = List.of(
            "org.apache.qpid.proton.Proton",                        // proton-j (AMQP)
            "com.microsoft.azure.proton.transport.proxy.ProxyHandler", // qpid-proton-j-extensions
            "com.microsoft.rest.RestClient",                        // client-runtime
            "retrofit2.Retrofit",                                   // retrofit (via client-runtime)
            "okhttp3.OkHttpClient",                                 // okhttp3 (via client-runtime)
            "rx.Observable",                                        // rxjava 1 (via client-runtime)
            "com.fasterxml.jackson.datatype.joda.JodaModule",       // jackson-datatype-joda
            "org.joda.time.DateTime");                              // joda-time

    /** What the emulator's fidelity tests run. */
    private static final List<String> USED = List.of(
            "com.microsoft.azure.sdk.iot.service.registry.RegistryClient",
            "com.azure.resourcemanager.iothub.IotHubManager",
            "com.google.gson.Gson");

    private static boolean loadable(String name) {
        try {
            Class.forName(name, false, ExcludedJarsAbsentTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Test
    void excludedStacksAreNotOnTheTestClasspath() {
        assertEquals(List.of(), EXCLUDED.stream().filter(ExcludedJarsAbsentTest::loadable).toList());
    }

    @Test
    void theSdkClientsOfTheFidelityTestsAre() {
        assertEquals(List.of(), Stream.of(USED.toArray(String[]::new)).filter(n -> !loadable(n)).toList());
    }
}
