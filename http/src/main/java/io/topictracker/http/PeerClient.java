package io.topictracker.http;

import io.topictracker.query.Instance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Calls another topic-tracker instance's HTTP API: to forward a key lookup or gather a partial list. */
final class PeerClient {

    /** Marks a request one instance sent to another, so a forwarded request is never forwarded again. */
    static final String FORWARDED_HEADER = "X-Topic-Tracker-Forwarded";

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Duration timeout;

    PeerClient(Duration timeout) {
        this.timeout = timeout;
    }

    /** GET {@code pathAndQuery} (already encoded) on the peer; completes with status and body. */
    CompletableFuture<HttpResponse<String>> get(Instance peer, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
                .timeout(timeout)
                .header(FORWARDED_HEADER, "1")
                .header("Accept", "application/json")
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
