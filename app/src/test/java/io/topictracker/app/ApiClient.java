package io.topictracker.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.topictracker.article.Json;
import io.topictracker.extract.Extraction;
import io.topictracker.query.Tally;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A small client of one instance's HTTP API for the integration tests: raw responses and the counts it serves. */
final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An answer; {@code json} is a missing node when the body is not JSON. */
    record Response(int status, JsonNode json, String body, HttpResponse<String> raw) {}

    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    Response get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                        .timeout(Duration.ofSeconds(15))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), parse(response.body()), response.body(), response);
    }

    /** Every theme's count; fails unless the answer is a complete 200. */
    Map<String, Tally> themes() throws IOException, InterruptedException {
        JsonNode data = complete(get("/api/themes"));
        Map<String, Tally> themes = new TreeMap<>();
        for (JsonNode row : data) {
            Tally previous = themes.put(row.path("theme").asText(), new Tally(row.path("articles").asLong(), row.path("mentions").asLong()));
            if (previous != null) {
                throw new IllegalStateException("theme listed twice: " + row);
            }
        }
        return themes;
    }

    /** Up to 1000 entity rows keyed by case-folded name and type, as {@link ArticleCorpus#entityKey}. */
    Map<String, Tally> entities() throws IOException, InterruptedException {
        JsonNode data = complete(get("/api/entities?limit=1000"));
        Map<String, Tally> entities = new TreeMap<>();
        for (JsonNode row : data) {
            String key = ArticleCorpus.entityKey(row.path("name").asText(), row.path("type").asText());
            Tally previous = entities.put(key, new Tally(row.path("articles").asLong(), row.path("mentions").asLong()));
            if (previous != null) {
                throw new IllegalStateException("entity listed twice: " + row);
            }
        }
        return entities;
    }

    /** A theme's non-empty day buckets from {@code from} for {@code days} days. */
    Map<Instant, Tally> themeDays(String theme, Instant from, int days) throws IOException, InterruptedException {
        Response response = get("/api/themes/" + theme + "/timeline?interval=day&from=" + from + "&to=" + from.plus(Duration.ofDays(days)));
        if (response.status() != 200) {
            throw new IllegalStateException(theme + " timeline answered " + response.status() + ": " + response.body());
        }
        Map<Instant, Tally> buckets = new TreeMap<>();
        for (JsonNode bucket : response.json().path("data")) {
            long articles = bucket.path("articles").asLong();
            long mentions = bucket.path("mentions").asLong();
            if (articles != 0 || mentions != 0) {
                buckets.put(Instant.parse(bucket.path("start").asText()), new Tally(articles, mentions));
            }
        }
        return buckets;
    }

    /** Every live article is served with the truth's themes and entity mentions; every deleted one is 404. */
    void assertArticlesMatch(ArticleCorpus.Truth truth) throws IOException, InterruptedException {
        for (Map.Entry<String, Extraction> live : truth.live().entrySet()) {
            Response response = get("/api/articles/" + live.getKey());
            assertEquals(200, response.status(), live.getKey() + ": " + response.body());
            Map<String, Integer> themes = new TreeMap<>();
            response.json().path("data").path("themes").properties().forEach(e -> themes.put(e.getKey(), e.getValue().asInt()));
            assertEquals(live.getValue().themes(), themes, live.getKey() + " themes");
            List<String> entities = new ArrayList<>();
            for (JsonNode e : response.json().path("data").path("entities")) {
                entities.add(e.path("name").asText() + "/" + e.path("type").asText() + "/" + e.path("mentions").asInt());
            }
            assertEquals(live.getValue().entities().stream().map(e -> e.name() + "/" + e.type() + "/" + e.mentions()).toList(),
                    entities, live.getKey() + " entities");
        }
        for (String deleted : truth.deleted()) {
            Response response = get("/api/articles/" + deleted);
            assertEquals(404, response.status(), deleted + " was deleted: " + response.body());
        }
    }

    boolean ready() {
        try {
            return get("/ready").status() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode complete(Response response) {
        if (response.status() != 200 || !response.json().path("complete").asBoolean()) {
            throw new IllegalStateException("answered " + response.status() + ": " + abbreviate(response.body()));
        }
        return response.json().path("data");
    }

    static JsonNode parse(String body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node == null ? Json.mapper().missingNode() : node;
        } catch (IOException e) {
            return Json.mapper().missingNode();
        }
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** Entries whose values differ between the two maps, as "key: expected -> actual". */
    static <K, V> Map<K, String> differences(Map<K, V> expected, Map<K, V> actual) {
        Map<K, String> diff = new LinkedHashMap<>();
        Map<K, V> keys = new TreeMap<>(expected);
        actual.keySet().forEach(k -> keys.putIfAbsent(k, null));
        for (K key : keys.keySet()) {
            V want = expected.get(key);
            V got = actual.get(key);
            if (want == null ? got != null : !want.equals(got)) {
                diff.put(key, want + " -> " + got);
            }
        }
        return diff;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
