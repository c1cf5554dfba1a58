/**
 * The Jenkins-free renewal engine: renews IoT Hub shared access policy keys through Azure Resource Manager and
 * device/module keys through the hub's registry, the way {@code az iot hub policy renew-key} and
 * {@code az iot hub device-identity renew-key} do.
 *
 * <p>Entry point: {@link io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient#builder()}. Requests are validated
 * when created; results hold keys only as {@link io.jenkins.plugins.azure.iothub.engine.KeyMaterial}; every failure is
 * an {@link io.jenkins.plugins.azure.iothub.engine.IotHubKeyException} with a one-line message that names the hub and
 * the policy, device or module. This package imports nothing from Jenkins; {@code docs/architecture.md} describes the
 * contract with the Jenkins layer.
 */
package io.jenkins.plugins.azure.iothub.engine;
