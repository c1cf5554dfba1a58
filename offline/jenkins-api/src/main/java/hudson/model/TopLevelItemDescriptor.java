package hudson.model;

// Offline declaration.
public abstract class TopLevelItemDescriptor extends Descriptor<TopLevelItem> {
    protected TopLevelItemDescriptor(Class<? extends TopLevelItem> clazz) {
        super(clazz);
    }

    protected TopLevelItemDescriptor() {}

    public abstract TopLevelItem newInstance(ItemGroup parent, String name);
}
