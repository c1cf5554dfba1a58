package com.cloudbees.plugins.credentials.common;

// Offline declaration (credentials plugin): a key store and its password, e.g. a service principal's certificate.
public interface StandardCertificateCredentials extends StandardCredentials, CertificateCredentials {}
