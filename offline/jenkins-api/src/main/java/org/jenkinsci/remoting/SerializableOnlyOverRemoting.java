package org.jenkinsci.remoting;

import java.io.Serializable;

// Offline declaration (remoting library).
public interface SerializableOnlyOverRemoting extends Serializable {}
