package io.jenkins.plugins.azuresdk;

import com.azure.core.http.HttpClient;

// Offline declaration (azure-sdk plugin). The real one builds a Netty client that honours Jenkins' proxy.
public class HttpClientRetriever {
    public static HttpClient get() {
        throw new UnsupportedOperationException("offline declaration");
    }
}
