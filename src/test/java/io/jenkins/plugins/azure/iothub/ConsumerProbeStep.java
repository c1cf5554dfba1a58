package io.jenkins.plugins.azure.iothub;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code probeConsumers('id')} for Pipeline tests: every consumer deployed so far, and the stable credential's
 * current value, sign a request the hub ({@link ConsumerProbe}) must accept; then the consumers are "redeployed" with
 * the credential's value. Fails the step when any is refused. Test classes register {@link Descriptor} with
 * {@code @TestExtension}.
 */
public final class ConsumerProbeStep extends Step {

    /** Values consumers run with, across builds and restarts of one test (same JVM). */
    static final List<String> DEPLOYED = new ArrayList<>();

    private final String credentialsId;

    @DataBoundConstructor
    public ConsumerProbeStep(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, credentialsId);
    }

    /** The value of a secret text in the Jenkins system credentials, or null. */
    static String systemCredential(String id) {
        try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
            for (Credentials c : CredentialsProvider.lookupStores(Jenkins.get()).iterator().next()
                    .getCredentials(Domain.global())) {
                if (c instanceof StringCredentialsImpl text && text.getId().equals(id)) {
                    return text.getSecret().getPlainText();
                }
            }
        }
        return null;
    }

    /** Checks and redeploys; synchronized on the shared list because tests read it too. */
    static void probeAndDeploy(String credentialsId) {
        synchronized (DEPLOYED) {
            String current = systemCredential(credentialsId);
            if (current == null || !ConsumerProbe.accepted(current)) {
                throw new IllegalStateException("the stable credential " + credentialsId + " is refused");
            }
            for (String value : DEPLOYED) {
                if (!ConsumerProbe.accepted(value)) {
                    throw new IllegalStateException("a consumer not yet redeployed is refused");
                }
            }
            DEPLOYED.clear();
            DEPLOYED.add(current);
        }
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Void> {
        @Serial
        private static final long serialVersionUID = 1L;
        private final String credentialsId;

        Execution(StepContext context, String credentialsId) {
            super(context);
            this.credentialsId = credentialsId;
        }

        @Override
        protected Void run() {
            probeAndDeploy(credentialsId);
            return null;
        }
    }

    /** Register in a test class with {@code @TestExtension public static final class X extends Descriptor {}}. */
    public abstract static class Descriptor extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of();
        }

        @Override
        public String getFunctionName() {
            return "probeConsumers";
        }
    }
}
