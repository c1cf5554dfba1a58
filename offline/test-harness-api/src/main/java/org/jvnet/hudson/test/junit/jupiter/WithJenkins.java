package org.jvnet.hudson.test.junit.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Offline declaration (jenkins-test-harness). Deliberately without the real @ExtendWith: a *JenkinsTest run
// offline by mistake fails at once ("no ParameterResolver for JenkinsRule") instead of pretending to pass.
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WithJenkins {}
