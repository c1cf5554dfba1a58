package io.jenkins.plugins.azure.iothub.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault-injection program of one emulator, for both planes. Example:
 * <pre>
 * emulator.faults().on("PUT", ".*&#47;IotHubs/hub1").times(2).throttle(1);     // two 429s with Retry-After: 1
 * emulator.faults().on("GET", "/devices/d1").atRegistryOf(hub).dropConnection();
 * </pre>
 */
public final class Faults {
    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    /** A new rule for requests with this method ("*" = any) whose raw path fully matches the regex. */
    public FaultRule on(String method, String rawPathRegex) {
        FaultRule rule = new FaultRule(method, rawPathRegex);
        rules.add(rule);
        return rule;
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    FaultRule firstFiring(RecordedRequest request) {
        for (FaultRule rule : rules) {
            if (rule.fires(request)) {
                return rule;
            }
        }
        return null;
    }
}
