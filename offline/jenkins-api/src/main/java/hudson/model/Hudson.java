package hudson.model;

import jenkins.model.Jenkins;

// Offline declaration: owner class of the overall permission group.
@Deprecated
public class Hudson extends Jenkins {
    private Hudson() {}
}
