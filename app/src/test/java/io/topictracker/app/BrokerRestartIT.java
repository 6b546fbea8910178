package io.topictracker.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.topictracker.article.Article;
import io.topictracker.article.ArticleJson;
import io.topictracker.article.DecodedArticle;
import io.topictracker.broker.EmbeddedKafkaBroker;
import io.topictracker.extract.Extractor;
import io.topictracker.producer.ArticlePublisher;
import io.topictracker.query.Instance;
import io.topictracker.streams.Topics;
import io.topictracker.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes down and comes back (same port, same data directory) while the producer is
 * publishing: {@link ArticlePublisher} (idempotent, {@code acks=all}, 120 s delivery timeout)
 * retries what the outage interrupted, and nothing is lost or duplicated, neither in the
 * {@code articles} log (each article's records are there exactly once, in the order sent) nor in
 * the counts, which must equal the truth computed from the input by {@link ArticleCorpus}. The
 * streams app (in this JVM) rides out the outage and catches up by itself.
 *
 * <p>The log check matters: the pipeline dedupes identical re-sends, so a duplicated record would
 * not show in the counts unless it landed after a later edit of the same article.
 *
 * <p>The outage here lasts ~6 s. Records already handed to the producer are retried for up to the
 * 120 s delivery timeout, but once the broker is gone the producer drops the topic's metadata and
 * each further {@code send()} blocks for up to {@code max.block.ms} (60 s) and then fails ("Topic
 * articles not present in metadata after 60000 ms"), so an outage longer than 60 s loses (reports
 * as not sent) the records published during it.
 */
class BrokerRestartIT {

    private static final long SEED = 7L;
    private static final int EVENTS = 2000;
    private static final int BATCH = 10;
    private static final Duration PACE = Duration.ofMillis(50);
    private static final Duration DEADLINE = Duration.ofSeconds(150);

    @TempDir
    Path tmp;

    private EmbeddedKafkaBroker broker;
    private TrackerService service;
    private ScheduledExecutorService pacer;

    @AfterEach
    void stopAll() {
        if (pacer != null) {
            pacer.shutdownNow();
        }
        if (service != null) {
            service.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldLoseAndDuplicateNothingWhenTheBrokerRestartsWhileTheProducerIsPublishing() throws Exception {
        EmbeddedKafkaBroker.Settings brokerSettings = EmbeddedKafkaBroker.Settings.defaults()
                .withPort(ApiClient.freePort())
                .withDataDir(tmp.resolve("kafka"));
        broker = EmbeddedKafkaBroker.start(brokerSettings);
        broker.createTopics(TopicSetup.topics(3));
        String bootstrap = broker.bootstrapServers();

        ApiClient api = new ApiClient(ApiClient.freePort());
        StreamsSettings settings = StreamsSettings.defaults(bootstrap, tmp.resolve("state"), new Instance("localhost", api.port()))
                .withApplicationId("broker-restart-" + UUID.randomUUID());
        service = TrackerService.start(settings, Extractor.withDefaultTaxonomy(), "localhost");
        await().atMost(DEADLINE).until(api::ready);

        ArticleCorpus corpus = ArticleCorpus.generate(SEED, EVENTS, Extractor.withDefaultTaxonomy());
        List<ArticleCorpus.Event> events = corpus.events();
        List<CompletableFuture<RecordMetadata>> sends = new ArrayList<>(events.size());
        AtomicInteger queued = new AtomicInteger();
        AtomicLong longestSendCall = new AtomicLong();
        AtomicLong inSendSince = new AtomicLong();
        CompletableFuture<Void> allQueued = new CompletableFuture<>();
        try (ArticlePublisher publisher = new ArticlePublisher(bootstrap, Topics.ARTICLES.name(), Map.of())) {
            // A steady producer run (BATCH records every PACE) that the outage interrupts.
            pacer = Executors.newSingleThreadScheduledExecutor();
            pacer.scheduleAtFixedRate(() -> {
                try {
                    for (int i = 0; i < BATCH && queued.get() < events.size(); i++) {
                        ArticleCorpus.Event event = events.get(queued.get());
                        long start = System.nanoTime();
                        inSendSince.set(start);
                        CompletableFuture<RecordMetadata> send = event.isTombstone() ? publisher.delete(event.id()) : publisher.send(event.article());
                        inSendSince.set(0);
                        longestSendCall.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Math::max);
                        synchronized (sends) {
                            sends.add(send);
                        }
                        queued.incrementAndGet();
                    }
                    if (queued.get() == events.size()) {
                        allQueued.complete(null);
                        throw new IllegalStateException("done"); // ends the schedule
                    }
                } catch (RuntimeException e) {
                    allQueued.completeExceptionally(e);
                    throw e;
                }
            }, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);

            await().atMost(DEADLINE).until(() -> queued.get() >= events.size() / 4);
            int queuedAtStop = queued.get();
            long stopNanos = System.nanoTime();
            broker.close();
            // Down until 300 records wait for the broker, or the producer has been stuck in send()
            // for 5 s (send() blocks, up to max.block.ms = 60 s, while it has no metadata for the topic).
            await().atMost(Duration.ofSeconds(30)).until(() -> unacknowledged(sends) >= 300
                    || (inSendSince.get() != 0 && System.nanoTime() - inSendSince.get() > TimeUnit.SECONDS.toNanos(5)));
            int queuedAtRestart = queued.get();
            long unacknowledged = unacknowledged(sends);
            broker = EmbeddedKafkaBroker.start(brokerSettings); // same port, same data: clients reconnect to it
            long outageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopNanos);
            assertEquals(bootstrap, broker.bootstrapServers());
            System.out.printf("BrokerRestartIT: broker stopped after %d of %d events were queued, back %d ms later;"
                    + " %d events queued meanwhile, %d sends waiting for an acknowledgement at restart%n",
                    queuedAtStop, events.size(), outageMillis, queuedAtRestart - queuedAtStop, unacknowledged);
            await().atMost(DEADLINE).until(() -> queued.get() > queuedAtRestart + 100); // and it goes on after the restart
            assertTrue(unacknowledged > 0, "sends were waiting for the broker: the producer has to retry them");
            assertTrue(queuedAtRestart < events.size(), "the producer run continues after the restart");

            allQueued.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            publisher.flush();
            System.out.printf("BrokerRestartIT: all %d events queued; the longest send() call blocked %d ms%n", events.size(), longestSendCall.get());
        }
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<RecordMetadata> send : sends) {
            try {
                send.join();
            } catch (CompletionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        assertEquals(List.of(), failures, "every send is acknowledged in the end");

        // The log: each article's records exactly once, in the order sent.
        Map<String, List<Article>> expectedLog = new LinkedHashMap<>();
        events.forEach(e -> expectedLog.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(e.article()));
        assertEquals(expectedLog, readArticlesLog(bootstrap, events.size()), "records per article id in 'articles'");

        // The counts: the streams app survived the outage and counted every article once.
        ArticleCorpus.Truth truth = corpus.truth();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .untilAsserted(() -> assertEquals(truth.themes(), api.themes(), "theme counts"));
        assertFalse(service.stopped().isDone(), "the streams app is still running");
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> caughtUp(bootstrap, settings.applicationId()));
        assertEquals(truth.themes(), api.themes(), "theme counts");
        assertEquals(truth.entities(), api.entities(), "entity counts");
        api.assertArticlesMatch(truth);
    }

    private static long unacknowledged(List<CompletableFuture<RecordMetadata>> sends) {
        synchronized (sends) {
            return sends.stream().filter(s -> !s.isDone()).count();
        }
    }

    /** Every record of {@code articles}, grouped by key in log order; values decoded (null = tombstone). */
    private static Map<String, List<Article>> readArticlesLog(String bootstrap, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "log-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ARTICLES.name()));
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // Anything beyond the expected count would be a duplicate: give it a moment to show up.
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return true;
            });
        }
        Map<String, List<Article>> byKey = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Article article = null;
            if (record.value() != null) {
                DecodedArticle decoded = ArticleJson.decode(record.value());
                assertTrue(decoded instanceof DecodedArticle.Valid, record.key() + ": " + decoded);
                article = ((DecodedArticle.Valid) decoded).article();
            }
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(article);
        }
        return byKey;
    }

    private static boolean caughtUp(String bootstrap, String applicationId) throws Exception {
        try (ConsumerLag lag = new ConsumerLag(bootstrap, Map.of(), applicationId)) {
            return lag.caughtUp();
        }
    }
}
