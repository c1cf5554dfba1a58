package hudson.model;

// Offline declaration: only the nested Task type.
public class Queue {
    private Queue() {}

    public interface Task extends ModelObject {
        String getName();

        String getUrl();
    }
}
