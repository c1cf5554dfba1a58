package io.jenkins.plugins.azure.iothub.engine;

/** One of the two key slots every policy, device and module has. */
public enum KeySlot {
    PRIMARY,
    SECONDARY
}
