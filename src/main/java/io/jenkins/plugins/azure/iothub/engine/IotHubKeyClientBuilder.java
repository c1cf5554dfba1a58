package io.jenkins.plugins.azure.iothub.engine;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import java.net.Proxy;
import java.time.Duration;
import java.util.Objects;

/** Builds an immutable {@link IotHubKeyClient}. Credential and subscription id are required. */
public final class IotHubKeyClientBuilder {
    AzureCloud cloud = AzureCloud.PUBLIC;
    TokenCredential credential;
    String subscriptionId;
    HttpClient httpClient;
    Proxy dataPlaneProxy;
    Duration pollInterval = Duration.ofSeconds(2);
    Duration retryDelay = Duration.ofSeconds(1);
    int maxAttempts = 8;
    Duration timeBudget = Duration.ofMinutes(5);

    IotHubKeyClientBuilder() {
    }

    public IotHubKeyClientBuilder cloud(AzureCloud cloud) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        return this;
    }

    public IotHubKeyClientBuilder credential(TokenCredential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
        return this;
    }

    public IotHubKeyClientBuilder subscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
        return this;
    }

    /** Optional HTTP client for ARM calls (Jenkins passes azure-sdk's proxy-aware one); azure-core's default otherwise. */
    public IotHubKeyClientBuilder httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return this;
    }

    /** Optional proxy for the hub's data plane (registry, verification), reached with the JDK's HttpsURLConnection. */
    public IotHubKeyClientBuilder dataPlaneProxy(Proxy proxy) {
        this.dataPlaneProxy = proxy;
        return this;
    }

    /** How long to wait between polls of the hub update when Azure sends no Retry-After. Default 2 s. */
    public IotHubKeyClientBuilder pollInterval(Duration pollInterval) {
        this.pollInterval = positive(pollInterval, "pollInterval");
        return this;
    }

    /** First back-off step when Azure sends no Retry-After; doubles per attempt, capped at 30 s. Default 1 s. */
    public IotHubKeyClientBuilder retryDelay(Duration retryDelay) {
        this.retryDelay = positive(retryDelay, "retryDelay");
        return this;
    }

    /** Attempts per operation for 409 busy, 412, 429, 5xx and dropped connections. Default 8. */
    public IotHubKeyClientBuilder maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        return this;
    }

    /** Overall limit for one renewal, check or verification, waits included. Default 5 min. */
    public IotHubKeyClientBuilder timeBudget(Duration timeBudget) {
        this.timeBudget = positive(timeBudget, "timeBudget");
        return this;
    }

    public IotHubKeyClient build() {
        if (credential == null) {
            throw new IllegalStateException("credential is required");
        }
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new IllegalStateException("subscriptionId is required");
        }
        return new IotHubKeyClient(this);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
