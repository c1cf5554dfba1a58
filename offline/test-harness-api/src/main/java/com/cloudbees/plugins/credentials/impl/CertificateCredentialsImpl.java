package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.AbstractDescribableImpl;
import hudson.util.Secret;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.io.IOException;
import java.io.Serializable;
import java.security.GeneralSecurityException;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.KeyStore;

// Offline declaration (credentials plugin): a certificate credential, for the JenkinsRule tests only.
public class CertificateCredentialsImpl extends BaseStandardCredentials implements StandardCertificateCredentials {

    public CertificateCredentialsImpl(
            @CheckForNull CredentialsScope scope,
            @CheckForNull String id,
            @CheckForNull String description,
            @CheckForNull String password,
            @NonNull KeyStoreSource keyStoreSource) {
        super(scope, id, description);
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    @Override
    public KeyStore getKeyStore() {
        throw new UnsupportedOperationException("offline declaration");
    }

    @NonNull
    @Override
    public Secret getPassword() {
        throw new UnsupportedOperationException("offline declaration");
    }

    public abstract static class KeyStoreSource extends AbstractDescribableImpl<KeyStoreSource> {
        public abstract long getKeyStoreLastModified();

        public abstract KeyStore toKeyStore(@Nullable char[] password) throws GeneralSecurityException, IOException;
    }

    public static class UploadedKeyStoreSource extends KeyStoreSource implements Serializable {
        @Deprecated
        public UploadedKeyStoreSource(@CheckForNull SecretBytes uploadedKeystore) {
            throw new UnsupportedOperationException("offline declaration");
        }

        @Override
        public long getKeyStoreLastModified() {
            throw new UnsupportedOperationException("offline declaration");
        }

        @Override
        public KeyStore toKeyStore(@Nullable char[] password)
                throws KeyStoreException, CertificateException, NoSuchAlgorithmException, IOException {
            throw new UnsupportedOperationException("offline declaration");
        }
    }
}
