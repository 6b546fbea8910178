package io.topictracker.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.topictracker.article.Json;
import io.topictracker.broker.EmbeddedKafkaBroker;
import io.topictracker.cli.Main;
import io.topictracker.extract.Extractor;
import io.topictracker.query.Instance;
import io.topictracker.streams.app.StreamsSettings;
import io.topictracker.streams.ingest.DeadLetterHeaders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real KRaft broker in this JVM: the producer CLI publishes the seeds, the streams
 * app counts them, and real HTTP calls read the counts. Each test starts its own broker (the topic
 * name {@code articles} is the contract, so tests cannot share one), with a unique application id,
 * state directory and HTTP port.
 */
class PipelineIT {

    private static final Path SEEDS = Path.of("..", "seeds");
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EmbeddedKafkaBroker broker;
    private TrackerService service;
    private StreamsSettings settings;

    @TempDir
    Path stateDir;

    @BeforeEach
    void startBrokerAndApp() throws IOException {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults());
        broker.createTopics(TopicSetup.topics(3));
        settings = StreamsSettings.defaults(broker.bootstrapServers(), stateDir, new Instance("localhost", freePort()))
                .withApplicationId("it-" + UUID.randomUUID());
        service = TrackerService.start(settings, Extractor.withDefaultTaxonomy(), "localhost");
    }

    @AfterEach
    void stopAll() {
        if (service != null) {
            service.close();
        }
        broker.close();
    }

    @BeforeAll
    static void requireSeeds() {
        assertTrue(Files.isDirectory(SEEDS), "seeds/ must exist next to app/");
    }

    @Test
    void shouldCountSeedsPublishedByTheProducerCliAndServeThemOverHttp() throws Exception {
        assertEquals(0, produce(SEEDS.toString()));

        awaitTheme("open-source", 3);
        awaitTheme("leaks", 2);
        awaitTheme("security", 4);

        JsonNode themes = get("/api/themes").body;
        assertTrue(themes.path("complete").asBoolean());
        assertTrue(themes.path("data").size() >= 3);
        long previous = Long.MAX_VALUE;
        for (JsonNode theme : themes.path("data")) {
            assertTrue(theme.path("articles").asLong() <= previous, "most articles first");
            assertTrue(theme.path("articles").asLong() > 0, "no zero rows");
            previous = theme.path("articles").asLong();
        }

        Response article = get("/api/articles/000_945879bacdbee9c1");
        assertEquals(200, article.status);
        assertEquals("Prepare to Be Amazed: Hackers Are Taking AI to the Next Level!", article.body.path("data").path("title").asText());
        assertTrue(article.body.path("data").path("themes").has("security"));

        assertEquals(200, get("/ready").status);
        assertEquals(200, get("/api/entities?limit=5").status);
        assertEquals(404, get("/api/themes/not-a-theme").status);
        assertEquals(400, get("/api/entities?type=COLOUR").status);
    }

    @Test
    void shouldKeepCountsExactAcrossResendsEditsDeletesAndRestarts() throws Exception {
        produce(SEEDS.toString());
        awaitTheme("leaks", 2);
        awaitCaughtUp();
        Map<String, Long> seeded = themeArticles();

        // Re-sending everything changes nothing.
        produce(SEEDS.toString());
        awaitAllProcessed();
        assertEquals(seeded, themeArticles());

        // Restart with the same state dir, then with an empty one (restored from the changelogs).
        restart(settings);
        assertEquals(seeded, awaitThemeArticles(seeded));
        restart(settings.withStateDir(stateDir.resolve("fresh")));
        assertEquals(seeded, awaitThemeArticles(seeded));

        // Edit: article 001 becomes a text about regulation only; its leak contribution goes away.
        Path edited = stateDir.resolve("001_793c6768dc07fa76.txt");
        Files.writeString(edited, "New rules\nThe regulator published new regulation for the industry.\n");
        produce(edited.toString());
        awaitTheme("leaks", seeded.get("leaks") - 1);

        // Delete: the tombstone takes the rest of it back.
        assertEquals(0, Main.commandLine().execute("produce", "--bootstrap-servers", broker.bootstrapServers(), "--delete", "001_793c6768dc07fa76"));
        await().atMost(DEADLINE).until(() -> get("/api/articles/001_793c6768dc07fa76").status == 404);
    }

    @Test
    void shouldDeadLetterEveryKindOfMalformedRecordWithReasonAndSourceAndKeepCounting() throws Exception {
        produce(SEEDS.toString());
        awaitTheme("security", 4);
        awaitCaughtUp();
        Map<String, Long> before = themeArticles();

        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("not-json", utf8("this is not json"));
        bad.put("json-array", utf8("[\"security\"]"));
        bad.put("no-body", utf8("{\"title\":\"no body\"}"));
        bad.put("blank-body", utf8("{\"title\":\"t\",\"body\":\" \\n \"}"));
        bad.put("wrong-types", utf8("{\"title\":[1],\"body\":\"security leak\"}"));
        bad.put("bad-date", utf8("{\"body\":\"security leak\",\"publishedAt\":\"last tuesday\"}"));
        bad.put("binary", new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0, 7});
        bad.put("bad-utf8", new byte[] {'{', '"', 'b', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bad.put("five-mb", utf8("{\"body\":\"" + "security leak ".repeat(5 * 1024 * 1024 / 14) + "\"}"));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(8 * 1024 * 1024));
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> record : bad.entrySet()) {
                raw.send(new ProducerRecord<>("articles", record.getKey(), record.getValue())).get();
            }
            // No key and a value that is not an article either: dead-lettered under a null key.
            raw.send(new ProducerRecord<>("articles", null, utf8("{\"id\":\"x\"}"))).get();
        }

        List<ConsumerRecord<String, byte[]>> dead = readDeadLetters(bad.size() + 1);
        assertEquals(bad.size() + 1, dead.size());
        Map<String, String> reasons = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : dead) {
            reasons.put(record.key(), header(record, DeadLetterHeaders.REASON));
            assertEquals("articles", header(record, DeadLetterHeaders.TOPIC));
            assertTrue(Integer.parseInt(header(record, DeadLetterHeaders.PARTITION)) >= 0);
            assertTrue(Long.parseLong(header(record, DeadLetterHeaders.OFFSET)) >= 0);
        }
        assertTrue(reasons.get("not-json").startsWith("value is not JSON"), reasons.get("not-json"));
        assertEquals("value must be a JSON object, got array", reasons.get("json-array"));
        assertEquals("field 'body' is missing", reasons.get("no-body"));
        assertEquals("field 'body' is blank", reasons.get("blank-body"));
        assertEquals("field 'title' must be a string", reasons.get("wrong-types"));
        assertTrue(reasons.get("bad-date").startsWith("field 'publishedAt' is not an ISO-8601"), reasons.get("bad-date"));
        assertEquals("value is not valid UTF-8", reasons.get("binary"));
        assertEquals("value is not valid UTF-8", reasons.get("bad-utf8"));
        assertTrue(reasons.get("five-mb").matches("value is \\d+ bytes, over the limit of 1048576 bytes"), reasons.get("five-mb"));
        assertEquals("field 'body' is missing", reasons.get(null));
        ConsumerRecord<String, byte[]> oversized = dead.stream().filter(r -> "five-mb".equals(r.key())).findFirst().orElseThrow();
        assertEquals(bad.get("five-mb").length, Integer.parseInt(header(oversized, DeadLetterHeaders.ORIGINAL_BYTES)));
        assertEquals(1048576, oversized.value().length, "dead letter keeps a bounded prefix; the original stays in 'articles'");

        assertEquals(200, get("/ready").status, "the app keeps running");
        assertEquals(before, themeArticles(), "counts unchanged");
        assertEquals(bad.size() + 1, get("/health").body.path("deadLettersSinceStart").asInt());
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(uri("/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(metrics.body().contains("topic_tracker_dead_letters_total " + (bad.size() + 1) + ".0"), "dead letters on /metrics");
    }

    @Test
    void shouldAcceptARecordWithoutKeyAndUseItsId() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>("articles", null, utf8("{\"id\":\"no-key-1\",\"title\":\"Leak\",\"body\":\"A data leak.\"}"))).get();
        }
        await().atMost(DEADLINE).until(() -> get("/api/articles/no-key-1").status == 200);
        awaitTheme("leaks", 1);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private int produce(String path) {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        return cli.execute("produce", "--bootstrap-servers", broker.bootstrapServers(), path);
    }

    private void restart(StreamsSettings next) {
        service.close();
        settings = next;
        service = TrackerService.start(next, Extractor.withDefaultTaxonomy(), "localhost");
    }

    private void awaitTheme(String theme, long articles) {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response r = get("/api/themes/" + theme);
            return r.status == 200 && r.body.path("data").path("articles").asLong() == articles;
        });
    }

    private Map<String, Long> awaitThemeArticles(Map<String, Long> expected) throws Exception {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> expected.equals(themeArticles()));
        return themeArticles();
    }

    /** Every seed is visible again after a re-send (the app has caught up with the input). */
    private void awaitAllProcessed() throws Exception {
        try (var files = Files.list(SEEDS)) {
            for (Path seed : files.toList()) {
                String id = seed.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                await().atMost(DEADLINE).until(() -> get("/api/articles/" + id).status == 200);
            }
        }
        // Read-your-writes for the re-sends: wait until the consumer group has no lag left.
        awaitCaughtUp();
    }

    private void awaitCaughtUp() {
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(this::caughtUp);
    }

    private boolean caughtUp() throws Exception {
        try (ConsumerLag lag = new ConsumerLag(broker.bootstrapServers(), Map.of(), settings.applicationId())) {
            return lag.caughtUp();
        }
    }

    private Map<String, Long> themeArticles() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        Response r = get("/api/themes");
        if (r.status != 200) {
            throw new IllegalStateException("themes answered " + r.status);
        }
        r.body.path("data").forEach(t -> counts.put(t.path("theme").asText(), t.path("articles").asLong()));
        return counts;
    }

    private List<ConsumerRecord<String, byte[]>> readDeadLetters(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("articles-dlq"));
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null
                ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + settings.advertised().port() + path);
    }

    private record Response(int status, JsonNode body) {}

    private Response get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), Json.mapper().readTree(response.body()));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
