package io.topictracker.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.topictracker.article.Json;
import io.topictracker.broker.EmbeddedKafkaBroker;
import io.topictracker.cli.Main;
import io.topictracker.extract.Extractor;
import io.topictracker.query.Instance;
import io.topictracker.query.QueryResult;
import io.topictracker.streams.app.StreamsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interactive queries across instances: two {@link TrackerService}s with the same application id
 * share the partitions of one real KRaft broker in this JVM. Either instance answers every query,
 * list endpoints gather both local parts and key lookups are forwarded to the owner; when one
 * instance goes away, the other restores its partitions from the changelogs and answers alone.
 *
 * <p>Note on the seeds: with 6 partitions, all four seed article ids hash to partition 0, so one
 * instance always owns all four articles. The test therefore checks that each key has exactly one
 * owner and that the other instance points at it, and that each instance owns at least one key
 * across articles, themes and entities.
 */
class MultiInstanceIT {

    private static final Path SEEDS = Path.of("..", "seeds");
    private static final int PARTITIONS = 6;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Map<String, Long> EXPECTED_THEMES = Map.of("open-source", 3L, "leaks", 2L, "security", 4L);

    private static final Logger LOG = LoggerFactory.getLogger(MultiInstanceIT.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmbeddedKafkaBroker broker;
    private String applicationId;
    private Node a;
    private Node b;

    @TempDir
    Path stateDirA;

    @TempDir
    Path stateDirB;

    /** One running instance and the address its HTTP API answers on. */
    private record Node(String name, TrackerService service, Instance instance) {}

    @BeforeAll
    static void requireSeeds() {
        assertTrue(Files.isDirectory(SEEDS), "seeds/ must exist next to app/");
    }

    @BeforeEach
    void startBrokerAndTwoInstances() throws IOException {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults());
        broker.createTopics(TopicSetup.topics(PARTITIONS));
        applicationId = "multi-it-" + UUID.randomUUID();
        int portA = freePort();
        int portB = freePort();
        while (portB == portA) {
            portB = freePort();
        }
        a = start("A", stateDirA, portA);
        b = start("B", stateDirB, portB);
    }

    @AfterEach
    void stopAll() {
        for (Node node : new Node[] {b, a}) {
            if (node != null) {
                node.service().close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldAnswerEveryQueryFromEitherInstanceAndFromTheSurvivorAlone() throws Exception {
        // 1. Both instances are ready and each knows the other holds partitions.
        awaitGroupOf(2, a, b);

        // 2. Publish the seeds and wait until they are counted and the group has no lag left.
        assertEquals(0, produce(SEEDS.toString()));
        List<String> articleIds = seedIds();
        assertEquals(4, articleIds.size());
        await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions().until(() -> {
            Map<String, Long> counts = themeArticles(get(a, "/api/themes").body());
            return EXPECTED_THEMES.entrySet().stream().allMatch(e -> e.getValue().equals(counts.get(e.getKey())));
        });
        await().atMost(DEADLINE).pollInterval(POLL).until(this::caughtUp);

        // 3. The gathered theme list is the same from both instances, complete, from two instances ...
        Response themesA = get(a, "/api/themes");
        Response themesB = get(b, "/api/themes");
        for (Response themes : List.of(themesA, themesB)) {
            assertEquals(200, themes.status());
            assertEquals(2, themes.body().path("instances").asInt(), themes.raw());
            assertTrue(themes.body().path("complete").asBoolean(), themes.raw());
        }
        JsonNode gatheredThemes = themesA.body().path("data");
        assertEquals(gatheredThemes, themesB.body().path("data"), "A and B gather the same themes");
        Map<String, Long> seeded = themeArticles(themesA.body());
        EXPECTED_THEMES.forEach((theme, articles) -> assertEquals(articles, seeded.get(theme), theme));

        // ... and it is exactly the disjoint union of the two local parts.
        Map<String, JsonNode> themesByKey = keyed(gatheredThemes, MultiInstanceIT::themeKey);
        Map<String, JsonNode> localThemesA = localRows(a, "/api/themes?scope=local", MultiInstanceIT::themeKey);
        Map<String, JsonNode> localThemesB = localRows(b, "/api/themes?scope=local", MultiInstanceIT::themeKey);
        assertDisjointUnion(themesByKey, localThemesA, localThemesB, "themes");

        // Same for entities (a limit large enough to hold every entity of the seeds).
        Response entitiesA = get(a, "/api/entities?limit=1000");
        Response entitiesB = get(b, "/api/entities?limit=1000");
        assertEquals(200, entitiesA.status(), entitiesA.raw());
        assertTrue(entitiesA.body().path("complete").asBoolean(), entitiesA.raw());
        assertEquals(2, entitiesA.body().path("instances").asInt(), entitiesA.raw());
        assertEquals(entitiesA.body(), entitiesB.body(), "A and B gather the same entities");
        JsonNode gatheredEntities = entitiesA.body().path("data");
        assertTrue(gatheredEntities.size() >= 3, "the seeds mention at least 3 entities: " + entitiesA.raw());
        Map<String, JsonNode> entitiesByKey = keyed(gatheredEntities, MultiInstanceIT::entityKey);
        Map<String, JsonNode> localEntitiesA = localRows(a, "/api/entities?limit=1000&scope=local", MultiInstanceIT::entityKey);
        Map<String, JsonNode> localEntitiesB = localRows(b, "/api/entities?limit=1000&scope=local", MultiInstanceIT::entityKey);
        assertDisjointUnion(entitiesByKey, localEntitiesA, localEntitiesB, "entities");

        // Every article is served by both instances with the same body: one answers, the other forwards.
        Map<String, String> articleBodies = new LinkedHashMap<>();
        Map<String, Node> articleOwners = new LinkedHashMap<>();
        for (String id : articleIds) {
            Response fromA = get(a, "/api/articles/" + id);
            Response fromB = get(b, "/api/articles/" + id);
            assertEquals(200, fromA.status(), id + " from A: " + fromA.raw());
            assertEquals(200, fromB.status(), id + " from B: " + fromB.raw());
            assertEquals(fromA.body(), fromB.body(), id);
            assertEquals(id, fromA.body().path("data").path("id").asText());
            articleBodies.put(id, fromA.raw());
            articleOwners.put(id, ownerOf(id, node -> node.service().queries().article(id)));
        }

        // 4. Key lookups agree on both instances and with the gathered lists (forwarding works).
        Map<String, Node> themeOwners = new LinkedHashMap<>();
        for (JsonNode row : gatheredThemes) {
            String theme = row.path("theme").asText();
            Response fromA = get(a, "/api/themes/" + encode(theme));
            Response fromB = get(b, "/api/themes/" + encode(theme));
            assertEquals(200, fromA.status(), theme + " from A: " + fromA.raw());
            assertEquals(200, fromB.status(), theme + " from B: " + fromB.raw());
            assertEquals(row, fromA.body().path("data"), theme + " from A");
            assertEquals(row, fromB.body().path("data"), theme + " from B");
            Node owner = ownerOf(theme, node -> node.service().queries().theme(theme));
            themeOwners.put(theme, owner);
            assertTrue((owner == a ? localThemesA : localThemesB).containsKey(theme), theme + " is in its owner's local list");
        }

        Map<String, Node> entityOwners = new LinkedHashMap<>();
        for (String name : topEntityNames(gatheredEntities, 3)) {
            Response fromA = get(a, "/api/entities/" + encode(name));
            Response fromB = get(b, "/api/entities/" + encode(name));
            assertEquals(200, fromA.status(), name + " from A: " + fromA.raw());
            assertEquals(200, fromB.status(), name + " from B: " + fromB.raw());
            assertEquals(fromA.body(), fromB.body(), name);
            JsonNode rows = fromA.body().path("data");
            assertTrue(rows.size() >= 1, name + ": " + fromA.raw());
            for (JsonNode typed : rows) {
                assertEquals(entitiesByKey.get(entityKey(typed)), typed, "entity row matches the gathered list: " + typed);
            }
            Node owner = ownerOf(name, node -> node.service().queries().entity(name));
            entityOwners.put(name, owner);
            for (JsonNode typed : rows) {
                assertTrue((owner == a ? localEntitiesA : localEntitiesB).containsKey(entityKey(typed)),
                        name + " is in its owner's local list");
            }
        }

        // The data really is split: each instance owns some of the keys looked up above.
        LOG.info("owners: articles {}, themes {}, entities {}; local themes A {} B {}, local entities A {} B {}",
                names(articleOwners), names(themeOwners), names(entityOwners),
                localThemesA.keySet(), localThemesB.keySet(), localEntitiesA.size(), localEntitiesB.size());
        Set<Node> owners = new HashSet<>();
        owners.addAll(articleOwners.values());
        owners.addAll(themeOwners.values());
        owners.addAll(entityOwners.values());
        owners.addAll(localThemesA.isEmpty() ? Set.of() : Set.of(a));
        owners.addAll(localThemesB.isEmpty() ? Set.of() : Set.of(b));
        owners.addAll(localEntitiesA.isEmpty() ? Set.of() : Set.of(a));
        owners.addAll(localEntitiesB.isEmpty() ? Set.of() : Set.of(b));
        assertEquals(Set.of(a, b), owners, "both instances own data: articles " + names(articleOwners)
                + ", themes " + names(themeOwners) + ", entities " + names(entityOwners));

        // 5. B goes away: A takes over its partitions, restores them from the changelogs, answers alone.
        b.service().close();
        b = null;
        await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions().untilAsserted(() -> {
            Response alone = get(a, "/api/themes");
            assertEquals(200, alone.status(), alone.raw());
            assertEquals(1, alone.body().path("instances").asInt(), alone.raw());
            assertTrue(alone.body().path("complete").asBoolean(), alone.raw());
            assertEquals(gatheredThemes, alone.body().path("data"), "same themes as before");
        });
        assertEquals(gatheredThemes, get(a, "/api/themes?scope=local").body().path("data"), "A holds every theme itself");
        Response entitiesAlone = await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions()
                .until(() -> get(a, "/api/entities?limit=1000"), r -> r.status() == 200);
        assertEquals(1, entitiesAlone.body().path("instances").asInt(), entitiesAlone.raw());
        assertTrue(entitiesAlone.body().path("complete").asBoolean(), entitiesAlone.raw());
        assertEquals(gatheredEntities, entitiesAlone.body().path("data"), "same entities as before");

        for (Map.Entry<String, String> article : articleBodies.entrySet()) {
            Response alone = get(a, "/api/articles/" + article.getKey());
            assertEquals(200, alone.status(), alone.raw());
            assertEquals(Json.mapper().readTree(article.getValue()), alone.body(), article.getKey());
            assertInstanceOf(QueryResult.Found.class, a.service().queries().article(article.getKey()), "A owns " + article.getKey());
        }
        for (JsonNode row : gatheredThemes) {
            String theme = row.path("theme").asText();
            Response alone = get(a, "/api/themes/" + encode(theme));
            assertEquals(200, alone.status(), alone.raw());
            assertEquals(row, alone.body().path("data"), theme);
        }
        for (String name : entityOwners.keySet()) {
            Response alone = get(a, "/api/entities/" + encode(name));
            assertEquals(200, alone.status(), alone.raw());
            for (JsonNode typed : alone.body().path("data")) {
                assertEquals(entitiesByKey.get(entityKey(typed)), typed, name);
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private Node start(String name, Path stateDir, int port) {
        Instance instance = new Instance("localhost", port);
        StreamsSettings settings = StreamsSettings.defaults(broker.bootstrapServers(), stateDir, instance)
                .withApplicationId(applicationId);
        return new Node(name, TrackerService.start(settings, Extractor.withDefaultTaxonomy(), "localhost"), instance);
    }

    /** Waits until every node is ready and its gathered answer covers {@code instances} instances, completely. */
    private void awaitGroupOf(int instances, Node... nodes) {
        await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions().untilAsserted(() -> {
            for (Node node : nodes) {
                assertEquals(200, get(node, "/ready").status(), node.name() + " ready");
                Response themes = get(node, "/api/themes");
                assertEquals(200, themes.status(), node.name() + ": " + themes.raw());
                assertEquals(instances, themes.body().path("instances").asInt(), node.name() + ": " + themes.raw());
                assertTrue(themes.body().path("complete").asBoolean(), node.name() + ": " + themes.raw());
            }
        });
    }

    /**
     * The one instance that answers {@code key} from its own store; the other must name it as the
     * owner. Retries while a store is briefly unavailable.
     */
    private Node ownerOf(String key, Function<Node, QueryResult<?>> lookup) {
        return await().atMost(DEADLINE).pollInterval(POLL).until(() -> {
            QueryResult<?> onA = lookup.apply(a);
            QueryResult<?> onB = lookup.apply(b);
            if (onA instanceof QueryResult.Unavailable<?> || onB instanceof QueryResult.Unavailable<?>) {
                return null;
            }
            if (onA instanceof QueryResult.Found<?> && onB instanceof QueryResult.OwnedByOther<?> other) {
                assertEquals(a.instance(), other.owner(), key + ": B names A as the owner");
                return a;
            }
            if (onB instanceof QueryResult.Found<?> && onA instanceof QueryResult.OwnedByOther<?> other) {
                assertEquals(b.instance(), other.owner(), key + ": A names B as the owner");
                return b;
            }
            return fail(key + " must be found on exactly one instance and forwarded by the other; A: " + onA + ", B: " + onB);
        }, owner -> owner != null);
    }

    private static void assertDisjointUnion(Map<String, JsonNode> gathered, Map<String, JsonNode> localA,
            Map<String, JsonNode> localB, String what) {
        Set<String> overlap = new HashSet<>(localA.keySet());
        overlap.retainAll(localB.keySet());
        assertTrue(overlap.isEmpty(), what + " held by both instances: " + overlap);
        Map<String, JsonNode> union = new LinkedHashMap<>(localA);
        union.putAll(localB);
        assertEquals(gathered, union, what + ": the gathered list is A's local part plus B's");
        assertNotEquals(gathered.keySet(), Set.of(), what + " gathered list is empty");
    }

    private Map<String, JsonNode> localRows(Node node, String path, Function<JsonNode, String> key) throws Exception {
        Response local = get(node, path);
        assertEquals(200, local.status(), node.name() + " " + path + ": " + local.raw());
        assertEquals(1, local.body().path("instances").asInt(), "scope=local answers for one instance: " + local.raw());
        assertTrue(local.body().path("complete").asBoolean(), local.raw());
        return keyed(local.body().path("data"), key);
    }

    private static Map<String, JsonNode> keyed(JsonNode rows, Function<JsonNode, String> key) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            assertFalse(byKey.containsKey(key.apply(row)), "duplicate row " + row);
            byKey.put(key.apply(row), row);
        }
        return byKey;
    }

    private static String themeKey(JsonNode row) {
        return row.path("theme").asText();
    }

    private static String entityKey(JsonNode row) {
        return row.path("name").asText() + "/" + row.path("type").asText();
    }

    private static List<String> topEntityNames(JsonNode entities, int n) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode row : entities) {
            if (names.size() == n) {
                break;
            }
            names.add(row.path("name").asText());
        }
        return new ArrayList<>(names);
    }

    private static Map<String, String> names(Map<String, Node> owners) {
        Map<String, String> named = new LinkedHashMap<>();
        owners.forEach((key, node) -> named.put(key, node.name()));
        return named;
    }

    private static Map<String, Long> themeArticles(JsonNode envelope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        envelope.path("data").forEach(t -> counts.put(t.path("theme").asText(), t.path("articles").asLong()));
        return counts;
    }

    private static List<String> seedIds() throws IOException {
        try (var files = Files.list(SEEDS)) {
            return files.map(p -> p.getFileName().toString().replaceFirst("\\.[^.]+$", "")).sorted().toList();
        }
    }

    private int produce(String path) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        return cli.execute("produce", "--bootstrap-servers", broker.bootstrapServers(), path);
    }

    private boolean caughtUp() throws Exception {
        try (ConsumerLag lag = new ConsumerLag(broker.bootstrapServers(), Map.of(), applicationId)) {
            return lag.caughtUp();
        }
    }

    /** Percent-encodes one path segment (spaces as %20, not '+'). */
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Response(int status, JsonNode body, String raw) {}

    private static Response get(Node node, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + node.instance().port() + path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), Json.mapper().readTree(response.body()), response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
