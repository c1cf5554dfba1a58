/**
 * A local HTTPS emulator of Azure IoT Hub (test code only): start with {@link
 * io.jenkins.plugins.azure.iothub.emulator.IotHubEmulator#start()}; its class Javadoc lists the behaviour.
 *
 * <ul>
 *   <li>State: {@link io.jenkins.plugins.azure.iothub.emulator.SimulatedHub} (policies, etag, registry),
 *       {@link io.jenkins.plugins.azure.iothub.emulator.SimulatedIdentity} (devices and modules),
 *       {@link io.jenkins.plugins.azure.iothub.emulator.SharedAccessPolicy}.</li>
 *   <li>Test controls: {@link io.jenkins.plugins.azure.iothub.emulator.Faults} /
 *       {@link io.jenkins.plugins.azure.iothub.emulator.FaultRule}, {@link
 *       io.jenkins.plugins.azure.iothub.emulator.RequestLog}, {@link io.jenkins.plugins.azure.iothub.emulator.LroSettings},
 *       {@link io.jenkins.plugins.azure.iothub.emulator.EmulatorCredential}, {@link
 *       io.jenkins.plugins.azure.iothub.emulator.ArmRole}, {@link io.jenkins.plugins.azure.iothub.emulator.SasTokens}.</li>
 *   <li>Wire: {@code ArmApi} (resource manager), {@code RegistryApi} + {@code RegistryAuth} + {@code RegistryWrites}
 *       (data plane), {@code PlaneHandler} (recording and faults), {@link
 *       io.jenkins.plugins.azure.iothub.emulator.EmulatorTls} (certificate and JVM trust).</li>
 * </ul>
 *
 * <p>Self-tests: the {@code *Test} classes here drive it with the real SDKs and with raw HTTP.
 */
package io.jenkins.plugins.azure.iothub.emulator;
