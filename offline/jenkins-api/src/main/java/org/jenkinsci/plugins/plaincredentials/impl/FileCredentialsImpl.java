package org.jenkinsci.plugins.plaincredentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;

// Offline declaration (plain-credentials plugin): holds file name and content, as offline credential-writing tests
// read them; getContent() streams the plain bytes as the real one does
// (plain-credentials-plugin@199.v9f8e1f741799:src/main/java/org/jenkinsci/plugins/plaincredentials/impl/FileCredentialsImpl.java).
public final class FileCredentialsImpl extends BaseStandardCredentials implements FileCredentials {
    private final String fileName;
    private final SecretBytes secretBytes;

    public FileCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description, @NonNull String fileName, @NonNull SecretBytes secretBytes) {
        super(scope, id, description);
        this.fileName = fileName;
        this.secretBytes = secretBytes;
    }

    @NonNull
    @Override
    public String getFileName() {
        return fileName;
    }

    @NonNull
    @Override
    public InputStream getContent() throws IOException {
        return new ByteArrayInputStream(secretBytes.getPlainData());
    }
}
