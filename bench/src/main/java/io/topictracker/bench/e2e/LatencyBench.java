package io.topictracker.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.topictracker.bench.BenchFlags;
import io.topictracker.article.Article;
import io.topictracker.article.ArticleJson;
import io.topictracker.article.Json;
import io.topictracker.bench.corpus.SyntheticCorpus;
import io.topictracker.extract.Extraction;
import io.topictracker.extract.Extractor;
import io.topictracker.extract.Taxonomy;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Freshness: time from a producer's {@code send} acknowledgement until the count it changes is
 * visible through the HTTP API, under a steady background load of other articles. Each probe is an
 * article that mentions only the probe theme (which the background corpus never mentions); the
 * harness reads the theme's count, sends the probe, and polls {@code GET /api/themes/{theme}} every
 * 2 ms until the count has moved. In the same run, a plain consumer tailing {@code articles} gives the
 * transport floor (ack → record visible to any consumer).
 *
 * <p>Run with {@code bench/run-latency.sh --help}.
 */
public final class LatencyBench {

    /** The command line; {@code bench/run-latency.sh --help} prints it. */
    @Command(name = "run-latency.sh", sortOptions = false, usageHelpWidth = 110,
            description = "Freshness: producer ack until the count it changes is visible through the HTTP API.")
    static final class Flags {
        @Option(names = "--probes", paramLabel = "N", defaultValue = "300",
                description = "probe articles, one at a time (default ${DEFAULT-VALUE})")
        int probes;

        @Option(names = "--background-rate", paramLabel = "R", defaultValue = "100",
                description = "background articles per second while probing (default ${DEFAULT-VALUE})")
        double rate;

        @Option(names = "--warmup-s", paramLabel = "S", defaultValue = "20",
                description = "background load before the first probe (default ${DEFAULT-VALUE})")
        int warmupSeconds;

        @Option(names = "--probe-theme", paramLabel = "T", defaultValue = "healthcare",
                description = "theme only probes mention (default ${DEFAULT-VALUE})")
        String probeTheme;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
                description = "corpus seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--partitions", paramLabel = "P", defaultValue = "3",
                description = "partitions of 'articles' (default ${DEFAULT-VALUE})")
        int partitions;

        @Option(names = "--work", paramLabel = "DIR", defaultValue = "bench/target/latency",
                description = "where state dirs, logs and results go (default ${DEFAULT-VALUE})")
        Path work;

        @Mixin
        OursAppFlags app = new OursAppFlags();
    }

    private LatencyBench() {}

    public static void main(String[] args) throws Exception {
        Flags f = BenchFlags.parse(new Flags(), args);
        int probes = f.probes;
        double rate = f.rate;
        int warmupSeconds = f.warmupSeconds;
        String probeTheme = f.probeTheme;
        long seed = f.seed;
        int partitions = f.partitions;
        Map<String, String> oursConfig = f.app.config;
        List<String> oursArgs = f.app.args();
        List<String> jvmOpts = f.app.jvmOpts();
        Path work = f.work;
        work = work.toAbsolutePath();
        Files.createDirectories(work);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "latency bench: %d probes, background %.0f articles/s, probe theme '%s', load average %s at start, %s%n",
                probes, rate, probeTheme, Proc.loadAverage(), Instant.now());

        SyntheticCorpus corpus = new SyntheticCorpus(seed, 30_000, Set.of(probeTheme));
        Extractor extractor = Extractor.withDefaultTaxonomy();
        String phrase = Taxonomy.loadDefault().themes().get(probeTheme).get(0);
        verifyProbeTheme(corpus, extractor, probeTheme, phrase);

        try (BenchCluster cluster = BenchCluster.start(partitions);
                OursApp app = OursApp.start(cluster.bootstrapServers(), work, "tt-latency-" + System.currentTimeMillis(),
                        oursConfig, oursArgs, jvmOpts);
                KafkaProducer<String, byte[]> producer = cluster.producer()) {
            app.awaitReady(Duration.ofSeconds(120));
            Floor floor = new Floor(cluster.bootstrapServers());
            floor.start();
            Background background = new Background(cluster, corpus, rate);
            background.start();
            out.printf("our app ready; background load running; warming up %d s%n", warmupSeconds);
            TimeUnit.SECONDS.sleep(warmupSeconds);

            double[] queryable = new double[probes];
            double[] transport = new double[probes];
            double[] ack = new double[probes];
            SplittableRandom jitter = new SplittableRandom(seed);
            long before = themeArticles(app, probeTheme);
            for (int p = 0; p < probes; p++) {
                String id = "probe-" + p;
                Article probe = new Article(id, "Probe " + p, "This report is about " + phrase + ".\n\nNothing else to add.",
                        null, "bench", null, Instant.now());
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(BenchCluster.ARTICLES, id, ArticleJson.encode(probe))).get();
                long acked = System.nanoTime();
                long visible;
                while (true) {
                    long now = themeArticles(app, probeTheme);
                    if (now > before) {
                        visible = System.nanoTime();
                        before = now;
                        break;
                    }
                    if (System.nanoTime() - acked > TimeUnit.SECONDS.toNanos(60)) {
                        throw new IllegalStateException("probe " + id + " not visible after 60 s");
                    }
                    TimeUnit.MILLISECONDS.sleep(2);
                }
                ack[p] = (acked - sent) / 1e6;
                queryable[p] = (visible - acked) / 1e6;
                Long seen = floor.awaitSeen(id);
                transport[p] = seen == null ? Double.NaN : (seen - acked) / 1e6;
                TimeUnit.MILLISECONDS.sleep(jitter.nextInt(20, 120)); // not in step with commit intervals
            }
            background.stop();
            floor.stop();
            long sentBackground = background.sent.get();
            double achieved = sentBackground / ((System.nanoTime() - background.startNanos) / 1e9);
            out.printf(Locale.ROOT, "background: %d articles sent, %.0f/s achieved; load average at end %s; our app peak RSS %.0f MiB%n",
                    sentBackground, achieved, Proc.loadAverage(), Proc.peakRssMiB(app.child().pid()));
            out.println("| measure (ms) | p50 | p90 | p99 | max |");
            out.println("|---|---:|---:|---:|---:|");
            out.println(percentiles("send → ack (producer, acks=all)", ack));
            out.println(percentiles("ack → seen by a plain consumer (floor)", transport));
            out.println(percentiles("ack → count visible via HTTP (ours)", queryable));
        }
    }

    private static void verifyProbeTheme(SyntheticCorpus corpus, Extractor extractor, String theme, String phrase) {
        Extraction probe = extractor.extract("Probe 0", "This report is about " + phrase + ".\n\nNothing else to add.");
        if (!probe.themes().keySet().equals(Set.of(theme))) {
            throw new IllegalStateException("probe article themes " + probe.themes() + ", want only " + theme);
        }
        for (int i = 0; i < 300; i++) {
            Article a = corpus.article(1_000_000L + i);
            if (extractor.extract(a.title(), a.body()).themes().containsKey(theme)) {
                throw new IllegalStateException("background article mentions the probe theme " + theme + "; pick another");
            }
        }
    }

    private static long themeArticles(OursApp app, String theme) throws InterruptedException {
        HttpResponse<String> r = app.get("/api/themes/" + theme);
        if (r == null || r.statusCode() != 200) {
            return -1;
        }
        try {
            JsonNode data = Json.mapper().readTree(r.body()).path("data");
            return data.path("articles").asLong();
        } catch (IOException e) {
            return -1;
        }
    }

    static String percentiles(String name, double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return "| " + name + " | - | - | - | - |";
        }
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |", name,
                pct(v, 0.50), pct(v, 0.90), pct(v, 0.99), v[v.length - 1]);
    }

    static double pct(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }


    /** Steady background load: corpus articles at a fixed rate (ids distinct from the probes'). */
    private static final class Background {
        private final BenchCluster cluster;
        private final SyntheticCorpus corpus;
        private final double rate;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong sent = new AtomicLong();
        private Thread thread;
        long startNanos;

        Background(BenchCluster cluster, SyntheticCorpus corpus, double rate) {
            this.cluster = cluster;
            this.corpus = corpus;
            this.rate = rate;
        }

        void start() {
            startNanos = System.nanoTime();
            thread = new Thread(() -> {
                try (KafkaProducer<String, byte[]> producer = cluster.producer()) {
                    long interval = (long) (1e9 / rate);
                    for (long i = 1_000_000L; running.get(); i++) {
                        long due = startNanos + (i - 1_000_000L) * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        Article a = corpus.article(i);
                        producer.send(new ProducerRecord<>(BenchCluster.ARTICLES, a.id(), ArticleJson.encode(a)));
                        sent.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "background-load");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }

    /** A plain consumer tailing {@code articles}: when each probe id became readable. */
    private static final class Floor {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Long> seen = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        Floor(String bootstrap) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.ByteArrayDeserializer.class.getName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer = new KafkaConsumer<>(props);
            List<TopicPartition> partitions = consumer.partitionsFor(BenchCluster.ARTICLES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        void start() {
            thread = new Thread(() -> {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        if (r.key() != null && r.key().startsWith("probe-")) {
                            seen.put(r.key(), System.nanoTime());
                        }
                    }
                }
                consumer.close();
            }, "floor-consumer");
            thread.setDaemon(true);
            thread.start();
        }

        Long awaitSeen(String id) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Long t = seen.get(id);
                if (t != null) {
                    return t;
                }
                TimeUnit.MILLISECONDS.sleep(1);
            }
            return null;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5_000);
        }
    }
}
