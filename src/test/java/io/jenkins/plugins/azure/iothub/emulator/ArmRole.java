package io.jenkins.plugins.azure.iothub.emulator;

/** What the emulator's principal may do on ARM (like an Azure role assignment on the subscription). */
public enum ArmRole {
    /** Read hubs, list keys, update hubs. */
    CONTRIBUTOR,
    /** Read hubs only: listkeys and PUT get 403 AuthorizationFailed. */
    READER,
    /** Nothing: every ARM request gets 403 AuthorizationFailed. */
    NONE
}
