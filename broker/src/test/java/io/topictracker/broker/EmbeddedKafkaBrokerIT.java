package io.topictracker.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedKafkaBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private EmbeddedKafkaBroker broker;
    private long firstProduceMillis;

    @BeforeAll
    void startSharedBroker() throws Exception {
        long t0 = System.nanoTime();
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults());
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            producer.send(new ProducerRecord<>("warm-up", "k", "v")).get(60, TimeUnit.SECONDS);
        }
        long produced = System.nanoTime();
        firstProduceMillis = TimeUnit.NANOSECONDS.toMillis(produced - t0);
        System.out.printf("[timing] start() %d ms; start() -> first acked produce (auto-created topic) %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(started - t0), firstProduceMillis);
    }

    @AfterAll
    void stopSharedBroker() {
        if (broker != null) {
            assertTrue(broker.firstFault().isEmpty(), () -> "broker fault: " + broker.firstFault());
            broker.close();
        }
    }

    @Test
    void randomPortAdvertisesLocalhostAndUsesTemporaryDataDir() throws Exception {
        assertTrue(broker.port() > 0);
        assertEquals("localhost:" + broker.port(), broker.bootstrapServers());
        assertTrue(Files.isDirectory(broker.dataDir()));
        assertEquals(List.of("localhost:" + broker.port()), advertisedBrokers(broker));
    }

    @Test
    void createTopicsIsIdempotentAndRoundTripsRecords() throws Exception {
        String topic = "round-trip-" + UUID.randomUUID();
        broker.createTopics(List.of(new NewTopic(topic, 3, (short) 1)));
        broker.createTopics(List.of(new NewTopic(topic, 3, (short) 1))); // exists: no error
        try (Admin admin = admin(broker)) {
            assertEquals(3, admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size());
        }

        Set<Integer> partitionsWritten = new java.util.TreeSet<>();
        try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            List<java.util.concurrent.Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)));
            }
            for (var ack : acks) {
                partitionsWritten.add(ack.get(30, TimeUnit.SECONDS).partition());
            }
        }
        assertEquals(Set.of(0, 1, 2), partitionsWritten);

        List<ConsumerRecord<String, String>> received = consumeAll(broker, topic, Map.of(), 100);
        assertEquals(IntStream.range(0, 100).mapToObj(i -> "value-" + i).collect(Collectors.toSet()),
                received.stream().map(ConsumerRecord::value).collect(Collectors.toSet()));
    }

    @Test
    void transactionalProducerCommits() throws Exception {
        String topic = "tx-" + UUID.randomUUID();
        broker.createTopics(List.of(new NewTopic(topic, 3, (short) 1)));
        try (KafkaProducer<String, String> producer = producer(broker,
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + UUID.randomUUID()))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, "committed-" + i));
            }
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
        }
        List<ConsumerRecord<String, String>> received = consumeAll(broker, topic,
                Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), 10);
        assertEquals(10, received.size());
        assertTrue(received.stream().allMatch(r -> r.value().startsWith("committed-")));
    }

    @Test
    void fixedPortIsAdvertisedAndSecondBrokerOnSamePortFailsClearly() throws Exception {
        int port = freePort();
        try (EmbeddedKafkaBroker fixed = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults().withPort(port))) {
            assertEquals("localhost:" + port, fixed.bootstrapServers());
            assertEquals(List.of("localhost:" + port), advertisedBrokers(fixed));
            try (KafkaProducer<String, String> producer = producer(fixed, Map.of())) {
                producer.send(new ProducerRecord<>("fixed-port", "k", "v")).get(30, TimeUnit.SECONDS);
            }

            long t0 = System.nanoTime();
            EmbeddedKafkaBroker.StartException e = assertThrows(EmbeddedKafkaBroker.StartException.class,
                    () -> EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults().withPort(port)).close());
            assertEquals("port " + port + " is already in use — is another Kafka running?", e.getMessage());
            System.out.printf("[timing] port-in-use failure reported in %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
    }

    @Test
    void closeIsQuickIdempotentAndDeletesTemporaryDataDir() {
        EmbeddedKafkaBroker b = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults());
        Path dir = b.dataDir();
        long t0 = System.nanoTime();
        b.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("[timing] close() %d ms%n", closeMillis);
        b.close();
        assertTrue(closeMillis < 10_000, "close took " + closeMillis + " ms");
        assertFalse(Files.exists(dir), "temporary data dir should be deleted: " + dir);
        assertThrows(IllegalStateException.class, () -> b.createTopics(List.of(new NewTopic("x", 1, (short) 1))));
    }

    @Test
    void dataSurvivesRestartWithSameDataDir(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("kafka");
        String topic = "persistent";
        String group = "persistent-group";
        var settings = EmbeddedKafkaBroker.Settings.defaults().withDataDir(dataDir);

        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(settings)) {
            assertEquals(dataDir.toAbsolutePath(), first.dataDir());
            first.createTopics(List.of(new NewTopic(topic, 3, (short) 1)));
            try (KafkaProducer<String, String> producer = producer(first,
                    Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "persistent-tx"))) {
                producer.initTransactions();
                producer.beginTransaction();
                for (int i = 0; i < 20; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "v" + i));
                }
                producer.commitTransaction();
            }
            // a consumer group reads and commits the first 20 records
            assertEquals(20, consumeAll(first, topic, Map.of(ConsumerConfig.GROUP_ID_CONFIG, group), 20).size());
        }
        assertTrue(Files.isRegularFile(dataDir.resolve(EmbeddedKafkaBroker.NODE_DIR).resolve("meta.properties")));

        long t0 = System.nanoTime();
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(settings)) {
            System.out.printf("[timing] restart on existing data dir: start() %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            second.createTopics(List.of(new NewTopic(topic, 3, (short) 1))); // already there
            assertEquals(20, consumeAll(second, topic, Map.of(), 20).size(), "records survive");
            try (Admin admin = admin(second)) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                assertEquals(3, committed.size(), "committed offsets survive: " + committed);
            }
            // the same transactional id can be fenced/re-initialised and used again
            try (KafkaProducer<String, String> producer = producer(second,
                    Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "persistent-tx"))) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "k", "after-restart"));
                producer.commitTransaction();
            }
            // the group continues after its committed offsets: it only sees the new record
            List<ConsumerRecord<String, String>> rest =
                    consumeAll(second, topic, Map.of(ConsumerConfig.GROUP_ID_CONFIG, group), 1);
            assertEquals(List.of("after-restart"), rest.stream().map(ConsumerRecord::value).toList());
            assertTrue(second.firstFault().isEmpty(), () -> "broker fault: " + second.firstFault());
        }
    }

    @Test
    void dataDirInUseByRunningBrokerFailsClearly(@TempDir Path tmp) {
        var settings = EmbeddedKafkaBroker.Settings.defaults().withDataDir(tmp.resolve("kafka"));
        try (EmbeddedKafkaBroker running = EmbeddedKafkaBroker.start(settings)) {
            EmbeddedKafkaBroker.StartException e = assertThrows(EmbeddedKafkaBroker.StartException.class,
                    () -> EmbeddedKafkaBroker.start(settings).close());
            assertTrue(e.getMessage().contains("is in use by another broker"), e.getMessage());
            assertTrue(running.firstFault().isEmpty(), () -> "broker fault: " + running.firstFault());
        }
    }

    @Test
    void invalidBrokerConfigFailsClearlyAndKeepsExistingData(@TempDir Path tmp) {
        Path dataDir = tmp.resolve("kafka");
        var settings = EmbeddedKafkaBroker.Settings.defaults().withDataDir(dataDir);
        EmbeddedKafkaBroker.start(settings).close();
        Path meta = dataDir.resolve(EmbeddedKafkaBroker.NODE_DIR).resolve("meta.properties");
        assertTrue(Files.isRegularFile(meta));

        EmbeddedKafkaBroker.StartException e = assertThrows(EmbeddedKafkaBroker.StartException.class,
                () -> EmbeddedKafkaBroker.start(settings.withBrokerConfig("num.partitions", "many")).close());
        assertTrue(e.getMessage().startsWith("invalid Kafka broker configuration"), e.getMessage());
        assertTrue(Files.isRegularFile(meta), "existing data must not be deleted");
    }

    // ----------------------------------------------------------------------------------------

    private static List<String> advertisedBrokers(EmbeddedKafkaBroker b) throws Exception {
        try (Admin admin = admin(b)) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            return nodes.stream().map(n -> n.host() + ":" + n.port()).toList();
        }
    }

    private static Admin admin(EmbeddedKafkaBroker b) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker b, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000));
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Subscribes (with a group if given, else a fresh one) and polls until {@code expected} records arrived. */
    private static List<ConsumerRecord<String, String>> consumeAll(EmbeddedKafkaBroker b, String topic,
                                                                  Map<String, Object> extra, int expected) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, b.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        config.putAll(extra);
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= expected;
            });
            consumer.commitSync();
        }
        assertEquals(expected, received.size());
        return received;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
