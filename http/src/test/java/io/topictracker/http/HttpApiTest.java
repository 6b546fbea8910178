package io.topictracker.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.topictracker.article.Json;
import io.topictracker.extract.EntityType;
import io.topictracker.query.ArticleView;
import io.topictracker.query.EntityCount;
import io.topictracker.query.Instance;
import io.topictracker.query.Interval;
import io.topictracker.query.QueryResult;
import io.topictracker.query.ThemeCount;
import io.topictracker.query.TimelineBucket;
import io.topictracker.query.TopicQueries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTTP contract over an in-memory {@link TopicQueries} (the seam the streams app implements):
 * status codes, JSON errors, forwarding to the owning instance and gathering lists across instances.
 */
class HttpApiTest {

    private static final PrometheusMeterRegistry METRICS = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApi first;
    private HttpApi second;

    @AfterEach
    void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/themes/leaks/timeline?interval=week, 400",
        "/api/themes/leaks/timeline?from=yesterday, 400",
        "/api/themes/leaks/timeline?from=2024-02-02&to=2024-02-01, 400",
        "/api/themes/leaks/timeline?interval=hour&from=2000-01-01&to=2024-01-01, 400",
        "/api/entities?type=ANIMAL, 400",
        "/api/entities?limit=0, 400",
        "/api/entities?limit=abc, 400",
        "/api/entities?limit=99999999999, 400",
        "/api/themes/unknown-theme, 404",
        "/api/nothing-here, 404",
        "/api/articles/missing, 404",
        "/api/themes/leaks, 200",
        "/api/themes/leaks/timeline?interval=day&from=2024-02-01&to=2024-02-03, 200",
    })
    void shouldAnswerWithJsonAndTheRightStatus(String path, int status) throws Exception {
        first = new HttpApi(new FakeQueries(null), METRICS).start("localhost", 0);
        HttpResponse<String> response = get(first, path);
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = Json.mapper().readTree(response.body());
        if (status == 200) {
            assertTrue(body.has("data"), response.body());
        } else {
            assertEquals(status, body.path("status").asInt());
            assertFalse(body.path("error").asText().isBlank());
            assertFalse(response.body().contains("Exception"), "no internals leak: " + response.body());
        }
    }

    @Test
    void shouldReportDeadLettersInHealthAndServePrometheusMetrics() throws Exception {
        METRICS.counter("topic_tracker_test_counter").increment();
        first = new HttpApi(new FakeQueries(null), METRICS).start("localhost", 0);

        assertEquals(3, Json.mapper().readTree(get(first, "/health").body()).path("deadLettersSinceStart").asInt());
        HttpResponse<String> metrics = get(first, "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("topic_tracker_test_counter_total 1.0"), metrics.body());
    }

    @Test
    void shouldRefuseWritesWith405() throws Exception {
        first = new HttpApi(new FakeQueries(null), METRICS).start("localhost", 0);
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(uri(first, "/api/themes")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals(405, Json.mapper().readTree(response.body()).path("status").asInt());
    }

    @Test
    void shouldReturn503WithRetryAfterWhileNotQueryable() throws Exception {
        FakeQueries queries = new FakeQueries(null);
        queries.ready = false;
        first = new HttpApi(queries, METRICS).start("localhost", 0);

        for (String path : List.of("/ready", "/api/themes", "/api/themes/leaks", "/api/entities")) {
            HttpResponse<String> response = get(first, path);
            assertEquals(503, response.statusCode(), path);
            assertEquals("2", response.headers().firstValue("Retry-After").orElse(null), path);
        }
        assertEquals(200, get(first, "/health").statusCode());
    }

    @Test
    void shouldForwardKeyLookupsToTheOwningInstance() throws Exception {
        second = new HttpApi(new FakeQueries(null), METRICS).start("localhost", 0);
        FakeQueries firstQueries = new FakeQueries(new Instance("localhost", second.port()));
        first = new HttpApi(firstQueries, METRICS).start("localhost", 0);

        HttpResponse<String> response = get(first, "/api/themes/leaks");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(7, Json.mapper().readTree(response.body()).path("data").path("articles").asInt());
    }

    @Test
    void shouldGatherListsFromEveryInstanceAndSayWhenOneIsMissing() throws Exception {
        second = new HttpApi(new FakeQueries(null, List.of(new ThemeCount("security", 9, 9))), METRICS).start("localhost", 0);
        FakeQueries firstQueries = new FakeQueries(null, List.of(new ThemeCount("leaks", 7, 8)));
        firstQueries.peers = Set.of(new Instance("localhost", second.port()));
        first = new HttpApi(firstQueries, METRICS).start("localhost", 0);

        JsonNode body = Json.mapper().readTree(get(first, "/api/themes").body());
        assertEquals("security", body.path("data").get(0).path("theme").asText());
        assertEquals("leaks", body.path("data").get(1).path("theme").asText());
        assertEquals(2, body.path("instances").asInt());
        assertTrue(body.path("complete").asBoolean());

        second.close();
        second = null;
        JsonNode partial = Json.mapper().readTree(get(first, "/api/themes").body());
        assertFalse(partial.path("complete").asBoolean());
        assertEquals(1, partial.path("data").size());
        assertEquals(1, partial.path("unavailableInstances").size());
    }

    private HttpResponse<String> get(HttpApi api, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(api, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(HttpApi api, String path) {
        return URI.create("http://localhost:" + api.port() + path);
    }

    /** In-memory query side: one theme "leaks" with 7 articles unless another instance owns it. */
    private static final class FakeQueries implements TopicQueries {
        private final Instance owner;
        private final List<ThemeCount> localThemes;
        boolean ready = true;
        Set<Instance> peers = Set.of();

        FakeQueries(Instance owner) {
            this(owner, List.of(new ThemeCount("leaks", 7, 8)));
        }

        FakeQueries(Instance owner, List<ThemeCount> localThemes) {
            this.owner = owner;
            this.localThemes = localThemes;
        }

        private <T> QueryResult<T> answer(QueryResult<T> local) {
            if (!ready) {
                return new QueryResult.Unavailable<>("starting");
            }
            return owner != null ? new QueryResult.OwnedByOther<>(owner) : local;
        }

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public String state() {
            return ready ? "RUNNING" : "REBALANCING";
        }

        @Override
        public long deadLettersSinceStart() {
            return 3;
        }

        @Override
        public QueryResult<Set<Instance>> peers() {
            return new QueryResult.Found<>(peers);
        }

        @Override
        public Set<String> taxonomyThemes() {
            return Set.of("leaks", "security");
        }

        @Override
        public QueryResult<List<ThemeCount>> localThemes() {
            return ready ? new QueryResult.Found<>(localThemes) : new QueryResult.Unavailable<>("starting");
        }

        @Override
        public QueryResult<ThemeCount> theme(String theme) {
            if (!taxonomyThemes().contains(theme)) {
                return new QueryResult.NotFound<>("unknown theme '" + theme + "'");
            }
            return answer(new QueryResult.Found<>(new ThemeCount(theme, 7, 8)));
        }

        @Override
        public QueryResult<List<TimelineBucket>> timeline(String theme, Interval interval, Instant from, Instant to) {
            return answer(new QueryResult.Found<>(List.of(new TimelineBucket(from, 1, 1))));
        }

        @Override
        public QueryResult<List<EntityCount>> localTopEntities(EntityType type, int limit) {
            return ready
                    ? new QueryResult.Found<>(List.of(new EntityCount("OpenAI", EntityType.ORG, 3, 5)))
                    : new QueryResult.Unavailable<>("starting");
        }

        @Override
        public QueryResult<List<EntityCount>> entity(String name) {
            return answer(new QueryResult.NotFound<>("no article mentions entity '" + name + "'"));
        }

        @Override
        public QueryResult<ArticleView> article(String id) {
            return answer(new QueryResult.NotFound<>("no article with id '" + id + "'"));
        }
    }
}
