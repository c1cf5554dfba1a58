package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.queue.SubTask;

// Offline declaration: only the nested Task and Executable types.
public class Queue {
    private Queue() {}

    public interface Task extends ModelObject, SubTask {
        String getName();

        String getUrl();
    }

    public interface Executable extends Runnable {
        @NonNull
        SubTask getParent();

        @Override
        void run();

        @Override
        String toString();
    }
}
