package hudson.model;

// Offline declaration: owner class of the overall permission group (its superclass Jenkins is left out, as the
// real constructors need Jenkins' task reactor).
@Deprecated
public class Hudson {
    private Hudson() {}
}
