package org.jvnet.hudson.test;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TopLevelItem;
import hudson.security.AbstractPasswordBasedSecurityRealm;
import hudson.tasks.Builder;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Future;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;

// Offline declaration (jenkins-test-harness): compiles *JenkinsTest classes; never runs offline.
public class JenkinsRule {
    public Jenkins jenkins;

    public JenkinsRule() {}

    public <T extends TopLevelItem> T createProject(Class<T> type, String name) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <V> V executeOnServer(java.util.concurrent.Callable<V> c) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public java.net.URL getURL() throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public FreeStyleProject createFreeStyleProject() throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public FreeStyleProject createFreeStyleProject(String name) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public DummySecurityRealm createDummySecurityRealm() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <P extends Item> P configRoundtrip(P job) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <B extends Builder> B configRoundtrip(B before) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void assertEqualDataBoundBeans(Object lhs, Object rhs)
            throws InvocationTargetException, NoSuchMethodException, IllegalAccessException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <R extends Run> R assertBuildStatus(Result status, R r) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <R extends Run> R assertBuildStatus(Result status, Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <R extends Run> R assertBuildStatusSuccess(R r) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <R extends Run> R assertBuildStatusSuccess(Future<? extends R> r) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertSuccess(@NonNull J job) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    public <J extends Job<J, R> & ParameterizedJobMixIn.ParameterizedJob<J, R>, R extends Run<J, R> & Queue.Executable>
            R buildAndAssertStatus(@NonNull Result status, @NonNull J job) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    public FreeStyleBuild buildAndAssertSuccess(@NonNull FreeStyleProject job) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void assertLogContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void assertLogNotContains(String substring, Run run) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public static String getLog(Run run) throws IOException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <R extends Run<?, ?>> R waitForMessage(String message, R r) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public void waitUntilNoActivity() throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    public <R extends Run<?, ?>> R waitForCompletion(R r) throws InterruptedException {
        throw new UnsupportedOperationException("offline declaration");
    }

    public WebClient createWebClient() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public org.htmlunit.html.HtmlPage submit(org.htmlunit.html.HtmlForm form) throws Exception {
        throw new UnsupportedOperationException("offline declaration");
    }

    /** Declared members only; everything else it has comes from HtmlUnit's own WebClient (a real jar offline). */
    public class WebClient extends org.htmlunit.WebClient {
        public WebClient withThrowExceptionOnFailingStatusCode(boolean enabled) {
            throw new UnsupportedOperationException("offline declaration");
        }

        public org.htmlunit.html.HtmlPage getPage(Item item, String relative)
                throws IOException, org.xml.sax.SAXException {
            throw new UnsupportedOperationException("offline declaration");
        }

        public org.htmlunit.html.HtmlPage goTo(String relative) throws IOException, org.xml.sax.SAXException {
            throw new UnsupportedOperationException("offline declaration");
        }

        public WebClient login(String username) throws Exception {
            throw new UnsupportedOperationException("offline declaration");
        }
    }

    public static class DummySecurityRealm extends AbstractPasswordBasedSecurityRealm {
        private DummySecurityRealm() {}
    }
}
