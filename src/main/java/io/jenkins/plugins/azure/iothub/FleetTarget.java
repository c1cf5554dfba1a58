package io.jenkins.plugins.azure.iothub;

import io.jenkins.plugins.azure.iothub.engine.DataPlaneAuth;
import io.jenkins.plugins.azure.iothub.engine.FleetFailure;
import io.jenkins.plugins.azure.iothub.engine.FleetKeyRequest;
import io.jenkins.plugins.azure.iothub.engine.FleetKeyResult;
import io.jenkins.plugins.azure.iothub.engine.FleetProgress;
import io.jenkins.plugins.azure.iothub.engine.FleetStatus;
import io.jenkins.plugins.azure.iothub.engine.IdentityId;
import io.jenkins.plugins.azure.iothub.engine.IdentityKeyResult;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyClient;
import io.jenkins.plugins.azure.iothub.engine.IotHubKeyException;
import io.jenkins.plugins.azure.iothub.engine.KeySlot;
import io.jenkins.plugins.azure.iothub.engine.KeyType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Many devices and modules of one hub, renewed by the engine's fleet call in batches at the hub's pace. Each batch
 * goes to the storage before the next is sent ({@link io.jenkins.plugins.azure.iothub.engine.FleetProgress#renewed}),
 * so an abort or crash loses no key; progress is logged at most every {@code progressInterval}.
 */
final class FleetTarget extends RenewalTarget {

    /** Log a progress line at most this often (and after the last batch). */
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);
    /** Failures named in the one-line build failure; the table in the log names every one. */
    private static final int FAILURES_IN_LINE = 10;

    private final RenewFleetKeysConfig config;
    private final Set<IdentityId> alreadyRenewed;
    private final PrintStream log;
    private final Duration progressInterval;
    private final List<RenewKeyConfig> renewedMembers = new ArrayList<>();
    private FleetKeyResult result;
    /** Set when a batch could not be stored: the engine then ends the run (it reports that as its own failure). */
    private boolean storeFailed;

    FleetTarget(RenewFleetKeysConfig config, Set<IdentityId> alreadyRenewed, PrintStream log,
            Duration progressInterval) {
        this.config = config;
        this.alreadyRenewed = Set.copyOf(alreadyRenewed);
        this.log = log;
        this.progressInterval = progressInterval;
    }

    @Override
    List<RenewKeyConfig> members() {
        List<RenewKeyConfig> members = new ArrayList<>();
        config.identities().forEach(id -> members.add(config.member(id)));
        return members;
    }

    @Override
    String describe() {
        List<IdentityId> ids = config.identities();
        return ids.isEmpty() ? config.selection() + " on hub '" + config.getHub() + "'"
                : ids.size() + " listed devices and modules on hub '" + config.getHub() + "'";
    }

    @Override
    String keyPhrase() {
        return "the " + config.getKey() + " keys of";
    }

    @Override
    String itsKeys() {
        return "their " + config.getKey() + " keys";
    }

    /** The hub exists and the registry answers; identities are not read (each read is a throttled operation). */
    @Override
    String check(IotHubKeyClient client) {
        return client.findHub(config.getHub(), config.getResourceGroup()).hostName();
    }

    @Override
    String verificationMethod() {
        return "by reading it back from the registry";
    }

    FleetKeyRequest request() {
        FleetKeyRequest.Builder request = FleetKeyRequest.builder(config.getHub(), config.getResourceGroup(),
                KeyType.parse(config.getKey()));
        List<String> devices = new ArrayList<>();
        for (IdentityId id : config.identities()) {
            if (id.isModule()) {
                request.module(id.deviceId(), id.moduleId());
            } else {
                devices.add(id.deviceId());
            }
        }
        request.devices(devices);
        if (config.getWhere() != null || config.isAllDevices()) {
            request.devicesMatching(config.isAllDevices() ? "" : config.getWhere());
        }
        if (config.getOperationsPerMinute() > 0) {
            request.operationsPerMinute(config.getOperationsPerMinute());
        }
        return request.alreadyRenewed(alreadyRenewed)
                .auth(DataPlaneAuth.valueOf(config.getDataPlaneAuth().toUpperCase(Locale.ROOT)))
                .build();
    }

    @Override
    void renew(IotHubKeyClient client, Batches renewed) throws Incomplete, IOException {
        if (!alreadyRenewed.isEmpty()) {
            log.println("Rotation '" + config.getRotation() + "': " + alreadyRenewed.size() + " identities were"
                    + " renewed and stored by an earlier run and are skipped.");
        }
        FleetProgress progress = new FleetProgress() {
            private long lastLine = System.nanoTime() - progressInterval.toNanos();

            @Override
            public void renewed(List<IdentityKeyResult> batch) {
                Map<RenewKeyConfig, RenewedKeys> members = new LinkedHashMap<>();
                for (IdentityKeyResult r : batch) {
                    RenewKeyConfig member = config.member(r.moduleId() == null ? IdentityId.device(r.deviceId())
                            : IdentityId.module(r.deviceId(), r.moduleId()));
                    // No verifier: the bulk result is per identity, a read-back would cost a throttled operation each.
                    members.put(member, new RenewedKeys(r.hostName(), r::key, r::connectionString, null,
                            r.keyOrigin(), r.otherChanges()));
                    renewedMembers.add(member);
                }
                try {
                    renewed.accept(members);
                } catch (IOException e) {
                    storeFailed = true;
                    throw new UncheckedIOException(e); // ends the run: Azure must not renew keys Jenkins cannot keep
                }
            }

            @Override
            public void progress(FleetStatus status) {
                long now = System.nanoTime();
                if (now - lastLine >= progressInterval.toNanos() || status.done() == status.total()) {
                    lastLine = now;
                    log.println("Progress: " + status);
                }
            }
        };
        try {
            result = client.renewIdentityKeys(request(), progress);
        } catch (IotHubKeyException e) {
            if (storeFailed) {
                throw new IOException(); // a batch could not be stored: the service reports which
            }
            if (renewedMembers.isEmpty()) {
                throw e;
            }
            throw new Incomplete(e.getMessage() + " The keys of " + renewedMembers.size() + " identities renewed"
                    + " before were stored; rerun" + rerunHint() + " to renew the rest.", List.of());
        }
        table(result);
        if (!result.isComplete()) {
            throw incomplete(result);
        }
    }

    private String rerunHint() {
        return config.getRotation() == null ? " (set rotation to skip what is renewed already)"
                : " with rotation '" + config.getRotation() + "'";
    }

    private void table(FleetKeyResult r) {
        log.println(String.format(Locale.ROOT, "Fleet renewal of %s: %d renewed, %d skipped, %d failed;"
                + " %d registry operations in %d s (pace %.1f per minute).", describe(), r.renewed().size(),
                r.skipped().size(), r.failed().size(), r.registryOperations(), r.elapsed().getSeconds(),
                r.pacePerMinute()));
        log.println(String.format(Locale.ROOT, "  %-40s %-12s %s", "identity", "result", "detail"));
        for (IdentityKeyResult renewed : r.renewed()) {
            IdentityId id = renewed.moduleId() == null ? IdentityId.device(renewed.deviceId())
                    : IdentityId.module(renewed.deviceId(), renewed.moduleId());
            StringBuilder detail = new StringBuilder();
            for (KeySlot slot : config.member(id).storedSlots()) {
                detail.append(detail.length() == 0 ? "" : ", ").append(KeyRenewalService.slotName(slot))
                        .append(' ').append(renewed.key(slot).fingerprint());
            }
            log.println(String.format(Locale.ROOT, "  %-40s %-12s %s", id, "renewed", detail));
        }
        for (FleetFailure f : r.failed()) {
            log.println(String.format(Locale.ROOT, "  %-40s %-12s %s", f.id(), state(f.state()), f.reason()));
        }
    }

    private static String state(FleetFailure.State state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private Incomplete incomplete(FleetKeyResult r) {
        List<RenewKeyConfig> unknown = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (FleetFailure f : r.failed()) {
            if (f.state() == FleetFailure.State.UNKNOWN) {
                unknown.add(config.member(f.id()));
            }
            if (named.size() < FAILURES_IN_LINE) {
                named.add("'" + f.id() + "' " + state(f.state()) + " (" + f.reason() + ")");
            }
        }
        String more = r.failed().size() > named.size() ? " and " + (r.failed().size() - named.size())
                + " more (the table above names each)" : "";
        return new Incomplete(r.failed().size() + " of " + (r.renewed().size() + r.failed().size())
                + " identities on hub '" + config.getHub() + "' were not renewed: " + String.join("; ", named) + more
                + ". 'not renewed' ones still hold their old keys; rerun" + rerunHint() + " to renew only what is"
                + " missing.", unknown);
    }

    FleetKeyResult result() {
        return result;
    }
}
