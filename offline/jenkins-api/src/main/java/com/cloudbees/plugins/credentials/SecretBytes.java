package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

// Offline declaration (credentials plugin): holds its bytes unencrypted; like the real one
// (credentials-plugin@1502.v5c95e620ddfe:src/main/java/com/cloudbees/plugins/credentials/SecretBytes.java), fromRawBytes
// treats null as empty and getPlainData returns a fresh array the caller may zero.
public class SecretBytes implements Serializable {
    private final byte[] value;

    private SecretBytes(byte[] value) {
        this.value = value.clone();
    }

    @NonNull
    public byte[] getPlainData() {
        return value.clone();
    }

    public static SecretBytes fromRawBytes(byte[] data) {
        return new SecretBytes(data == null ? new byte[0] : data);
    }
}
