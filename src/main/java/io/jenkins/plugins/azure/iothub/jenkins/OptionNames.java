package io.jenkins.plugins.azure.iothub.jenkins;

/**
 * How the credential writer's messages name the options that fix them: Pipeline argument names in a Pipeline log,
 * form labels in a freestyle build.
 *
 * @param credentialIds the two credential id options, e.g. {@code primaryCredentialsId / secondaryCredentialsId}
 * @param credentialsFolder the option that chooses the store, e.g. {@code credentialsFolder}
 */
public record OptionNames(String credentialIds, String credentialsFolder) {

    /** The Pipeline step's argument names. */
    public static final OptionNames PIPELINE =
            new OptionNames("primaryCredentialsId / secondaryCredentialsId", "credentialsFolder");
}
