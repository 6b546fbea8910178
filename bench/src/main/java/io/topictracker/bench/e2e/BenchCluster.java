package io.topictracker.bench.e2e;

import io.topictracker.app.TopicSetup;
import io.topictracker.article.Article;
import io.topictracker.article.ArticleJson;
import io.topictracker.bench.corpus.SyntheticCorpus;
import io.topictracker.broker.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The broker every benchmark contender reads from: Kafka's own KRaft broker in the harness JVM
 * (the project's {@link EmbeddedKafkaBroker}), with the app's topics and WordCountDemo's.
 */
final class BenchCluster implements AutoCloseable {

    static final String ARTICLES = "articles";
    static final String WORDCOUNT_INPUT = "streams-plaintext-input";
    static final String WORDCOUNT_OUTPUT = "streams-wordcount-output";

    private final EmbeddedKafkaBroker broker;

    private BenchCluster(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    static BenchCluster start(int partitions) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults());
        List<NewTopic> topics = new ArrayList<>(TopicSetup.topics(partitions));
        topics.add(new NewTopic(WORDCOUNT_INPUT, partitions, (short) -1));
        topics.add(new NewTopic(WORDCOUNT_OUTPUT, partitions, (short) -1));
        broker.createTopics(topics);
        awaitWritable(broker.bootstrapServers(), topics.stream().map(NewTopic::name).toList());
        return new BenchCluster(broker);
    }

    /**
     * A fresh partition can have a leader in the metadata before its leader accepts writes; an
     * idempotent producer that meets NOT_LEADER_OR_FOLLOWER on its first batch can then loop on
     * OUT_OF_ORDER_SEQUENCE_NUMBER. ListOffsets is answered by the partition leader itself, so
     * once it succeeds for every partition, the topics take writes.
     */
    private static void awaitWritable(String bootstrapServers, List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()
                            .forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                    TimeUnit.MILLISECONDS.sleep(500); // and give the broker a moment past that
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topics " + topics + " not writable after 60 s", e);
                    }
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A producer configured like the project's {@code ArticlePublisher} (acks=all, idempotent, 256 KB batches, lz4). */
    KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** What was loaded: record count and value bytes per topic. */
    record Loaded(long articles, long articleBytes, long plainTextBytes) {}

    /**
     * Publishes articles {@code [0, n)} of the corpus to {@code articles} (the app's JSON wire format,
     * key = id) and the same title + body as plain text to WordCountDemo's input topic.
     */
    Loaded load(SyntheticCorpus corpus, long n) {
        long jsonBytes = 0;
        long textBytes = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (long i = 0; i < n; i++) {
                Article a = corpus.article(i);
                byte[] json = ArticleJson.encode(a);
                byte[] text = (a.title() + "\n\n" + a.body()).getBytes(StandardCharsets.UTF_8);
                jsonBytes += json.length;
                textBytes += text.length;
                producer.send(new ProducerRecord<>(ARTICLES, a.id(), json), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                producer.send(new ProducerRecord<>(WORDCOUNT_INPUT, a.id(), text), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("loading the corpus failed", failure.get());
        }
        return new Loaded(n, jsonBytes, textBytes);
    }

    @Override
    public void close() {
        broker.close();
    }
}
