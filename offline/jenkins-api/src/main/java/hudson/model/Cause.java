package hudson.model;

// Offline declaration.
public abstract class Cause {
    public abstract String getShortDescription();

    public static class UserIdCause extends Cause {
        public UserIdCause() {}

        @Override
        public String getShortDescription() {
            throw new UnsupportedOperationException("offline declaration");
        }
    }
}
