package hudson.model;

// Offline declaration (Jenkins core). Concrete, so it carries dummy implementations of the abstract methods
// that the real class inherits from supertypes these declarations leave out.
public class FreeStyleProject extends Project<FreeStyleProject, FreeStyleBuild> implements TopLevelItem {
    public FreeStyleProject(ItemGroup parent, String name) {
        super(parent, name);
    }

    @Override
    protected Class<FreeStyleBuild> getBuildClass() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public DescriptorImpl getDescriptor() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @Override
    public boolean isBuildable() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static class DescriptorImpl extends AbstractProject.AbstractProjectDescriptor {
        public DescriptorImpl() {}

        @Override
        public FreeStyleProject newInstance(ItemGroup parent, String name) {
            throw new UnsupportedOperationException("offline declaration");
        }
    }
}
