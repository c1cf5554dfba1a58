package jenkins;

// Offline declaration.
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
