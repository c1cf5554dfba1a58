package io.jenkins.plugins.azure.iothub;

import hudson.AbortException;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import java.util.List;
import java.util.Map;

/**
 * Where a renewal puts the new keys of its members: one secret-text credential per key ({@link CredentialStorage}),
 * or one Secret file credential holding them all ({@link FileStorage}). Both write through a
 * {@link CredentialTarget}, with its ownership and permission rules.
 */
interface KeyStorage {

    /** Safe to print: the store, e.g. {@code the credentials of folder 'team-a'}. */
    String describe();

    /** Proves, before anything is sent to Azure, that the keys of these members may be written. */
    void checkWritable(List<RenewKeyConfig> members) throws AbortException;

    /** The credential id(s) that receive the member's keys, per slot. */
    Map<KeySlot, String> ids(RenewKeyConfig member);

    /**
     * Stores one batch, logging a line per credential or (a fleet's thousands) one line for the batch. Never throws for a store failure: every member is attempted, and the failed ones are in
     * the answer, so that no key Azure holds goes unreported.
     */
    Stored store(Map<RenewKeyConfig, RenewedKeys> batch, java.io.PrintStream log, boolean linePerCredential);

    /** How to bring Jenkins in line with Azure for a member whose new keys did not reach storage. */
    default String recovery(RenewKeyConfig member) {
        return Recovery.instructions(member, ids(member));
    }

    /** What a batch stored, per member, and which members failed (with the first reason, redacted). */
    record Stored(Map<RenewKeyConfig, List<RenewalReport.StoredCredential>> stored,
            Map<RenewKeyConfig, Map<KeySlot, String>> failed, String firstReason) {}
}
