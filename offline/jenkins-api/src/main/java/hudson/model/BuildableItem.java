package hudson.model;

// Offline declaration.
public interface BuildableItem extends Item, Queue.Task {
    boolean scheduleBuild(Cause c);

    boolean scheduleBuild(int quietPeriod, Cause c);
}
