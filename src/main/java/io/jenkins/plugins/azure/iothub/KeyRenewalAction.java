package io.jenkins.plugins.azure.iothub;

import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import jenkins.model.RunAction2;

/**
 * Build page entry listing the renewals and rotation halves of this build (names, ids, phases, times and
 * fingerprints) and one summary per fleet run; never a key.
 */
public final class KeyRenewalAction implements RunAction2 {

    private final List<RenewalReport> renewals = new ArrayList<>();
    /** Null in build records written before rotations were recorded (XStream sets no field initializer). */
    private List<RotationReport> rotations;
    /** Null in build records written before fleets were summarized. */
    private List<FleetReport> fleets;
    private transient Run<?, ?> run;

    /** Adds the report to the build's existing action, or attaches a new one. */
    public static void record(Run<?, ?> run, RenewalReport report) {
        onRun(run, action -> action.add(report));
    }

    /** Adds one rotation half (or dry run) to the build's existing action, or attaches a new one. */
    public static void record(Run<?, ?> run, RotationReport report) {
        onRun(run, action -> action.add(report));
    }

    /** Adds one fleet run's summary to the build's existing action, or attaches a new one. */
    public static void record(Run<?, ?> run, FleetReport report) {
        onRun(run, action -> action.add(report));
    }

    /** The add happens before a new action is attached, so the build record never holds an empty one. */
    private static void onRun(Run<?, ?> run, Consumer<KeyRenewalAction> add) {
        synchronized (run) {
            KeyRenewalAction action = run.getAction(KeyRenewalAction.class);
            if (action == null) {
                action = new KeyRenewalAction();
                add.accept(action);
                run.addAction(action);
            } else {
                add.accept(action);
            }
        }
    }

    synchronized void add(FleetReport report) {
        if (fleets == null) {
            fleets = new ArrayList<>();
        }
        fleets.add(report);
    }

    public synchronized List<FleetReport> getFleets() {
        return fleets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(fleets));
    }

    synchronized void add(RotationReport report) {
        if (rotations == null) {
            rotations = new ArrayList<>();
        }
        rotations.add(report);
    }

    public synchronized List<RotationReport> getRotations() {
        return rotations == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(rotations));
    }

    synchronized void add(RenewalReport report) {
        renewals.add(report);
    }

    public synchronized List<RenewalReport> getRenewals() {
        return Collections.unmodifiableList(new ArrayList<>(renewals));
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-lock-closed";
    }

    @Override
    public String getDisplayName() {
        return Messages.KeyRenewalAction_displayName();
    }

    @Override
    public String getUrlName() {
        return "iothub-keys";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }
}
