package io.jenkins.plugins.azure.iothub.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One long-running hub update started by a PUT. It answers {@code Running} for {@code runningPolls} status polls,
 * then finishes on the next poll: {@code Succeeded} (the update is applied at that moment: new policies, keys, etag) or
 * {@code Failed} (nothing applied). If nobody polls, it finishes by itself at {@code deadline} (checked lazily).
 */
final class HubOperation {
    enum Status { RUNNING, SUCCEEDED, FAILED }

    final String id;
    final SimulatedHub hub;
    final HubUpdate update;
    final boolean failAtEnd;
    final int retryAfterSeconds;
    final Instant deadline;
    final Instant earliestEnd;
    private int runningPollsLeft;
    private Status status = Status.RUNNING;

    HubOperation(String id, SimulatedHub hub, HubUpdate update, boolean failAtEnd, LroSettings settings) {
        this.id = id;
        this.hub = hub;
        this.update = update;
        this.failAtEnd = failAtEnd;
        this.retryAfterSeconds = settings.retryAfterSeconds();
        this.runningPollsLeft = settings.pollsUntilDone();
        this.deadline = Instant.now().plus(settings.autoCompleteAfter());
        this.earliestEnd = Instant.now().plus(settings.minimumDuration());
    }

    /** Called under the hub lock for each status poll. */
    Status poll() {
        if (status == Status.RUNNING) {
            if (runningPollsLeft > 0 || Instant.now().isBefore(earliestEnd)) {
                runningPollsLeft = Math.max(0, runningPollsLeft - 1);
            } else {
                finish();
            }
        }
        return status;
    }

    /** Called under the hub lock: ends the operation if its time is up. */
    void settleIfExpired() {
        if (status == Status.RUNNING && Instant.now().isAfter(deadline)) {
            finish();
        }
    }

    Status status() {
        return status;
    }

    private void finish() {
        status = failAtEnd ? Status.FAILED : Status.SUCCEEDED;
        hub.operationFinished(this);
    }

    ObjectNode statusJson() {
        ObjectNode json = Json.object();
        switch (status) {
            case RUNNING:
                json.put("status", "Running");
                break;
            case SUCCEEDED:
                json.put("status", "Succeeded");
                break;
            default:
                json.put("status", "Failed");
                json.putObject("error").put("code", "500001").put("message",
                        "emulator: the update of IotHub '" + hub.name() + "' failed (injected fault); nothing was changed.");
        }
        return json;
    }
}
