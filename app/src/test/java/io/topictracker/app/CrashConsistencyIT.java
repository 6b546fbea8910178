package io.topictracker.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.topictracker.broker.EmbeddedKafkaBroker;
import io.topictracker.extract.Extractor;
import io.topictracker.query.Tally;
import io.topictracker.streams.Names;
import io.topictracker.streams.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash consistency: the streams app runs in a separate JVM ({@code topic-tracker streams}) and is
 * killed with SIGKILL ({@link Process#destroyForcibly()}, no close, no shutdown hook) while it is
 * about half-way through a backlog of ~3,000 events (new articles, identical re-sends, edits,
 * tombstones, tombstones of unknown ids, re-created ids). A new process with the same state
 * directory and application id then finishes the work, and every count is compared with the truth
 * computed from the input by {@link ArticleCorpus} (the extractor applied to the last version of
 * each live article).
 *
 * <p><b>exactly_once_v2</b>: every theme count, every entity count (per case-folded name and type),
 * every theme's per-day timeline and every article view must equal the truth exactly. The
 * un-committed transaction of the killed process is aborted when its successor (same state
 * directory, so same process id and transactional id) starts; its local state is wiped and restored
 * from the committed changelogs.
 *
 * <p><b>at_least_once</b>: not exact, and this test documents by how much. The diff processor is
 * idempotent for re-processed <em>input</em> (the article store already holds the new version, so
 * a replayed record emits no delta), but the article store, the delta repartition topics and the
 * counter stores are written without a transaction. After a crash, (a) delta records that reached
 * the repartition topics after the counters' last offset commit are applied again to counter
 * stores whose changelogs already contain them: over-counting; and (b) an input record whose
 * article-store write reached the changelog but whose deltas were still in the producer's buffer
 * is replayed as "unchanged", so its deltas are never re-emitted: under-counting. With the default
 * 30 s commit interval of at_least_once, everything processed since the last commit is at risk.
 * The test asserts what does hold (the app recovers and catches up; the article store, being
 * last-writer-wins per id, is exact) and prints the deviation of the counts; it does not assert
 * equality of the counts.
 *
 * <p>Observed with at_least_once (2-core machine, kill at ~50% of the backlog, before the first
 * 30 s commit; truth: 27 themes with ~6,300 articles / ~7,300 mentions, 141-157 entities with
 * ~12,100 articles): five runs gave (a) themes exact, entities +1,139 articles / +1,188 mentions
 * over 41 entities; (b) themes +6 / +7 over 6 themes, entities exact; (c) themes +1,170 / +1,356
 * over 15 themes, entities +1,458 / +1,529 over 53 entities; (d, e) everything exact. Over-counting
 * only, by up to ~19%; how much depends on how far the counter tasks had written their changelogs
 * before the kill (they are re-fed from their repartition topics' last committed offset). No
 * under-count was observed.
 *
 * <p>The restarted process has to wait for the killed member to leave the consumer group: a
 * {@code --kafka-config} file lowers {@code session.timeout.ms} to 6 s (the broker's minimum) so
 * that takes seconds instead of the default 45 s.
 */
class CrashConsistencyIT {

    private static final long SEED = 20240206L;
    private static final int EVENTS = 3000;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(100);

    private static EmbeddedKafkaBroker broker;
    private static ArticleCorpus corpus;
    private static Admin admin;
    private static long inputRecords;

    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path work;

    @BeforeAll
    static void startBrokerAndPublishTheBacklog() throws Exception {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults());
        broker.createTopics(TopicSetup.topics(3));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        corpus = ArticleCorpus.generate(SEED, EVENTS, Extractor.withDefaultTaxonomy());
        assertTrue(corpus.truth().entities().size() < 1000, "the entity list endpoint (limit 1000) must cover the truth");

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (ArticleCorpus.Event event : corpus.events()) {
                sends.add(producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), event.id(), event.value())));
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        }
        inputRecords = sends.size();
        System.out.printf("CrashConsistencyIT: %d events (%d store changes), truth: %d live articles, %d deleted, %d themes, %d entities%n",
                inputRecords, corpus.stateChanges(), corpus.truth().live().size(), corpus.truth().deleted().size(),
                corpus.truth().themes().size(), corpus.truth().entities().size());
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void killLeftoversAndKeepTheirLogs(TestInfo test) throws Exception {
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        // The processes' output outlives the temp dir, for diagnosing a failure.
        Path keep = Files.createDirectories(Path.of("target", "crash-consistency", test.getTestMethod().orElseThrow().getName()));
        for (String name : List.of("first.log", "second.log")) {
            if (Files.exists(work.resolve(name))) {
                Files.copy(work.resolve(name), keep.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void shouldKeepEveryCountExactAfterAHardKillMidIngestionWithExactlyOnceV2() throws Exception {
        Run run = crashAndRestart("exactly_once_v2");
        ArticleCorpus.Truth truth = corpus.truth();

        await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions()
                .untilAsserted(() -> assertEquals(truth.themes(), run.api().themes(), "theme counts"));
        await().atMost(DEADLINE).pollInterval(POLL).ignoreExceptions()
                .untilAsserted(() -> assertEquals(truth.entities(), run.api().entities(), "entity counts"));
        for (Map.Entry<String, Map<Instant, Tally>> theme : truth.themeDays().entrySet()) {
            assertEquals(theme.getValue(), run.api().themeDays(theme.getKey(), ArticleCorpus.FIRST_DAY, ArticleCorpus.DAYS),
                    theme.getKey() + " per-day timeline");
        }
        run.api().assertArticlesMatch(corpus.truth());
    }

    @Test
    void shouldRecoverAfterAHardKillWithAtLeastOnceAndReportHowFarTheCountsDeviate() throws Exception {
        Run run = crashAndRestart("at_least_once");
        ArticleCorpus.Truth truth = corpus.truth();

        // The article store is last-writer-wins per id, so replaying input cannot make it wrong.
        run.api().assertArticlesMatch(corpus.truth());

        // Counts: measured, not asserted (see the class comment). Wait until they stop moving.
        Map<String, Tally> themes = stableThemes(run.api());
        Map<String, Tally> entities = run.api().entities();
        Map<String, String> themeDiff = ApiClient.differences(truth.themes(), themes);
        Map<String, String> entityDiff = ApiClient.differences(truth.entities(), entities);
        long[] themeDelta = totalDelta(truth.themes(), themes);
        long[] entityDelta = totalDelta(truth.entities(), entities);
        System.out.printf("CrashConsistencyIT at_least_once: killed at %s; after restart %d of %d themes and %d of %d entities differ;"
                        + " net theme deviation %+d articles / %+d mentions (truth %d / %d), net entity deviation %+d articles / %+d mentions"
                        + " (truth %d / %d)%n  theme differences (truth -> served): %s%n",
                run.killedAt(), themeDiff.size(), truth.themes().size(), entityDiff.size(), truth.entities().size(),
                themeDelta[0], themeDelta[1], sum(truth.themes())[0], sum(truth.themes())[1],
                entityDelta[0], entityDelta[1], sum(truth.entities())[0], sum(truth.entities())[1], themeDiff);
    }

    // --- the scenario ----------------------------------------------------------------------------

    /** Where the first process was when it was killed. */
    record KillPoint(long storeWrites, long expectedStoreWrites, long committedInput, long inputRecords) {
        @Override
        public String toString() {
            return storeWrites + "/" + expectedStoreWrites + " article-store changelog records written, "
                    + committedInput + "/" + inputRecords + " input records committed";
        }
    }

    record Run(ApiClient api, String applicationId, KillPoint killedAt) {}

    private Run crashAndRestart(String guarantee) throws Exception {
        String applicationId = "crash-" + guarantee.replace('_', '-') + "-" + UUID.randomUUID();
        Path stateDir = work.resolve("state");
        Path kafkaConfig = work.resolve("kafka.properties");
        // The broker's minimum: the restarted member waits this long for the killed one to be evicted.
        Files.writeString(kafkaConfig, "session.timeout.ms=6000\nheartbeat.interval.ms=1000\n", StandardCharsets.UTF_8);

        ApiClient first = new ApiClient(ApiClient.freePort());
        Process victim = startApp(guarantee, applicationId, stateDir, kafkaConfig, first.port(), "first");
        String changelog = applicationId + "-" + Names.ARTICLE_STORE + "-changelog";
        long half = corpus.stateChanges() / 2;
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .failFast(() -> assertTrue(victim.isAlive(), () -> "the first streams process exited: " + tail(work.resolve("first.log"))))
                .until(() -> endOffsets(changelog) >= half);
        victim.destroyForcibly();
        assertTrue(victim.waitFor(30, TimeUnit.SECONDS), "killed process is gone");
        KillPoint killedAt = new KillPoint(endOffsets(changelog), corpus.stateChanges(), committedInput(applicationId), inputRecords);
        System.out.printf("CrashConsistencyIT %s: SIGKILL at %s%n", guarantee, killedAt);
        assertTrue(killedAt.committedInput() < inputRecords, "killed mid-ingestion, before all input was committed: " + killedAt);

        ApiClient second = new ApiClient(ApiClient.freePort());
        Process successor = startApp(guarantee, applicationId, stateDir, kafkaConfig, second.port(), "second");
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .failFast(() -> assertTrue(successor.isAlive(), () -> "the restarted streams process exited: " + tail(work.resolve("second.log"))))
                .until(() -> second.ready() && caughtUp(applicationId));
        return new Run(second, applicationId, killedAt);
    }

    private Process startApp(String guarantee, String applicationId, Path stateDir, Path kafkaConfig, int httpPort, String name)
            throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                "io.topictracker.cli.Main", "streams",
                "--bootstrap-servers", broker.bootstrapServers(),
                "--http-host", "localhost",
                "--http-port", Integer.toString(httpPort),
                "--state-dir", stateDir.toString(),
                "--application-id", applicationId,
                "--processing-guarantee", guarantee,
                "--kafka-config", kafkaConfig.toString(),
                "--no-create-topics");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("TOPIC_TRACKER_"));
        builder.environment().put("TOPIC_TRACKER_LOG_LEVEL", "INFO");
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    // --- checks ----------------------------------------------------------------------------------

    /** The themes once two reads a second apart agree (at_least_once commits, and so settles, late). */
    private static Map<String, Tally> stableThemes(ApiClient api) {
        Map<String, Map<String, Tally>> last = new HashMap<>();
        return await().atMost(DEADLINE).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    Map<String, Tally> now = api.themes();
                    Map<String, Tally> before = last.put("themes", now);
                    return now.equals(before) ? now : null;
                }, themes -> themes != null);
    }

    private static long[] totalDelta(Map<String, Tally> truth, Map<String, Tally> served) {
        long[] a = sum(truth);
        long[] b = sum(served);
        return new long[] {b[0] - a[0], b[1] - a[1]};
    }

    private static long[] sum(Map<String, Tally> counts) {
        long[] total = new long[2];
        counts.values().forEach(t -> {
            total[0] += t.articles();
            total[1] += t.mentions();
        });
        return total;
    }

    // --- Kafka probes ----------------------------------------------------------------------------

    /** Sum of the end offsets of a topic's partitions; 0 while it does not exist yet. */
    private static long endOffsets(String topic) throws Exception {
        if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream().mapToLong(r -> r.offset()).sum();
    }

    /** Input records the group has committed as processed. */
    private static long committedInput(String applicationId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return committed.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.ARTICLES.name()) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    private static boolean caughtUp(String applicationId) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(broker.bootstrapServers(), Map.of(), applicationId)) {
            return lag.caughtUp();
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
