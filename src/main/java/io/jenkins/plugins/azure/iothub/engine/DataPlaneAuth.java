package io.jenkins.plugins.azure.iothub.engine;

/** How the engine authenticates to the hub's registry (data plane) when it renews device or module keys. */
public enum DataPlaneAuth {
    /** Like the CLI: a SAS token signed with a RegistryWrite policy key that the engine reads through ARM. */
    KEY,
    /** A Microsoft Entra token from the client's credential; needed when the hub has local auth disabled. */
    LOGIN
}
