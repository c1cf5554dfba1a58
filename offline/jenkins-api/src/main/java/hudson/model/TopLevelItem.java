package hudson.model;

// Offline declaration.
public interface TopLevelItem extends Item, Describable<TopLevelItem> {}
