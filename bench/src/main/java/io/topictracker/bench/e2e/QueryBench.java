package io.topictracker.bench.e2e;

import io.topictracker.app.ConsumerLag;
import io.topictracker.bench.BenchFlags;
import io.topictracker.bench.corpus.SyntheticCorpus;
import io.topictracker.extract.EntityType;
import io.topictracker.streams.count.EntityDelta;
import io.topictracker.streams.serde.JsonSerde;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * HTTP query load on our app with `wrk` (Debian package): requests per second and latency
 * percentiles per endpoint, interleaved round by round, with {@code GET /health} (no store access)
 * in the same run as the HTTP stack's own limit. Optionally first fills the entity store with M
 * distinct entities, written as entity deltas straight into the app's {@code entity-deltas}
 * repartition topic, so they pass through the real counting processor into {@code entity-counts}
 * and {@code entity-rank}; the time that takes is the count stage's throughput.
 *
 * <p>Run with {@code bench/run-queries.sh --help}.
 */
public final class QueryBench {

    /** The command line; {@code bench/run-queries.sh --help} prints it. */
    @Command(name = "run-queries.sh", sortOptions = false, usageHelpWidth = 110,
            description = "HTTP query load on our app with wrk: requests per second and latency per endpoint.")
    static final class Flags {
        @Option(names = "--articles", paramLabel = "N", defaultValue = "5000",
                description = "articles loaded before querying (default ${DEFAULT-VALUE})")
        long articles;

        @Option(names = "--entities", paramLabel = "M", defaultValue = "0",
                description = "extra distinct entities written into the entity store "
                        + "(default ${DEFAULT-VALUE}; e.g. 1000000)")
        long entities;

        @Option(names = "--rounds", paramLabel = "R", defaultValue = "3",
                description = "interleaved rounds of every endpoint (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--duration-s", paramLabel = "S", defaultValue = "10",
                description = "seconds per wrk run (default ${DEFAULT-VALUE})")
        int duration;

        @Option(names = "--connections", paramLabel = "C", defaultValue = "16",
                description = "wrk connections (default ${DEFAULT-VALUE}); wrk threads: 2")
        int connections;

        @Option(names = "--endpoints", paramLabel = "LIST", split = ",",
                defaultValue = "/health,/api/themes/security,/api/themes,/api/entities?limit=20,"
                        + "/api/entities?type=ORG&limit=20",
                description = "comma list of paths (default ${DEFAULT-VALUE})")
        List<String> endpoints;

        @Option(names = "--work", paramLabel = "DIR", defaultValue = "bench/target/queries",
                description = "where state dirs, logs and results go (default ${DEFAULT-VALUE})")
        Path work;

        @Mixin
        OursAppFlags app = new OursAppFlags();
    }

    private QueryBench() {}

    record WrkResult(String endpoint, int round, double qps, double p50, double p90, double p99, long requests, long non2xx, String load) {}

    public static void main(String[] args) throws Exception {
        Flags f = BenchFlags.parse(new Flags(), args);
        long articles = f.articles;
        long entities = f.entities;
        int rounds = f.rounds;
        int duration = f.duration;
        int connections = f.connections;
        List<String> endpoints = f.endpoints;
        List<String> oursArgs = f.app.args();
        List<String> jvmOpts = f.app.jvmOpts();
        Path work = f.work;
        work = work.toAbsolutePath();
        Files.createDirectories(work);
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "query bench: %d articles, %d extra entities, %d rounds × %d s, wrk -t2 -c%d; load average %s at start, %s%n",
                articles, entities, rounds, duration, connections, Proc.loadAverage(), Instant.now());
        SyntheticCorpus corpus = new SyntheticCorpus(42, 30_000, Set.of());
        try (BenchCluster cluster = BenchCluster.start(3)) {
            cluster.load(corpus, articles);
            String appId = "tt-queries-" + System.currentTimeMillis();
            try (OursApp app = OursApp.start(cluster.bootstrapServers(), work, appId, f.app.config, oursArgs, jvmOpts);
                    ConsumerLag lag = new ConsumerLag(cluster.bootstrapServers(), Map.of(), appId)) {
                app.awaitReady(Duration.ofSeconds(120));
                awaitCaughtUp(lag, app);
                out.printf("our app caught up on %d articles%n", articles);
                if (entities > 0) {
                    long t = System.nanoTime();
                    writeEntityDeltas(cluster, appId, entities);
                    long written = System.nanoTime();
                    awaitCaughtUp(lag, app);
                    long done = System.nanoTime();
                    out.printf(Locale.ROOT, "entity store: %d distinct entity deltas written in %.1f s, counted (entity-counts + entity-rank) %.1f s later: %.0f deltas/s through count-entities%n",
                            entities, (written - t) / 1e9, (done - written) / 1e9, entities / ((done - t) / 1e9));
                    HttpResponse<String> sample = app.get("/api/entities?limit=3");
                    out.println("top 3 now: " + (sample == null ? "no answer" : sample.body()));
                    out.printf(Locale.ROOT, "state dir %.0f MiB, our app RSS %.0f MiB (peak %.0f)%n", Proc.directoryMiB(app.stateDir()),
                            Proc.rssMiB(app.child().pid()), Proc.peakRssMiB(app.child().pid()));
                }
                for (String e : endpoints) {
                    HttpResponse<String> r = app.get(e);
                    out.printf("GET %s -> %s, %d bytes%n", e, r == null ? "no answer" : r.statusCode(), r == null ? 0 : r.body().length());
                }
                // warm-up: JIT and connection pools, not measured
                for (String e : endpoints) {
                    wrk(app.baseUrl() + e, 2, connections, 0);
                }
                List<WrkResult> results = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    List<String> order = new ArrayList<>(endpoints);
                    Collections.rotate(order, -(round - 1));
                    for (String e : order) {
                        String load = Proc.loadAverage();
                        WrkResult r = parse(e, round, wrk(app.baseUrl() + e, duration, connections, round), load);
                        results.add(r);
                        out.printf(Locale.ROOT, "round %d %-36s %8.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  (%d requests, %d non-2xx) load %s%n",
                                round, e, r.qps(), r.p50(), r.p90(), r.p99(), r.requests(), r.non2xx(), load);
                    }
                }
                out.printf(Locale.ROOT, "%nSUMMARY (median of %d rounds, wrk -t2 -c%d -d%ds; load average at end %s; our app peak RSS %.0f MiB)%n",
                        rounds, connections, duration, Proc.loadAverage(), Proc.peakRssMiB(app.child().pid()));
                out.println("| endpoint | req/s | p50 ms | p90 ms | p99 ms |");
                out.println("|---|---:|---:|---:|---:|");
                for (String e : endpoints) {
                    List<WrkResult> rs = results.stream().filter(r -> r.endpoint().equals(e)).toList();
                    out.printf(Locale.ROOT, "| `GET %s` | %,.0f | %.2f | %.2f | %.2f |%n", e,
                            Proc.median(rs.stream().map(WrkResult::qps).toList()),
                            Proc.median(rs.stream().map(WrkResult::p50).toList()),
                            Proc.median(rs.stream().map(WrkResult::p90).toList()),
                            Proc.median(rs.stream().map(WrkResult::p99).toList()));
                }
            }
        }
    }

    private static void awaitCaughtUp(ConsumerLag lag, OursApp app) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        while (!lag.caughtUp()) {
            if (System.nanoTime() > deadline || !app.child().isAlive()) {
                throw new IllegalStateException("our app did not catch up; see " + app.child().log());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /**
     * Distinct entities as the diff processor would emit them for articles that mention each once:
     * keyed by case-folded name, so they land on the partition the real topology would use.
     */
    private static void writeEntityDeltas(BenchCluster cluster, String appId, long count) {
        String topic = appId + "-entity-deltas-repartition";
        EntityType[] types = EntityType.values();
        SplittableRandom r = new SplittableRandom(7);
        try (JsonSerde<EntityDelta> serde = new JsonSerde<>(EntityDelta.class);
                KafkaProducer<String, byte[]> producer = cluster.producer()) {
            Serializer<EntityDelta> serializer = serde.serializer();
            for (long i = 0; i < count; i++) {
                String name = String.format(Locale.ROOT, "Bench Entity %07d", i);
                // heavy-tailed article counts, as for real names: most are rare, a few are everywhere
                long articles = 1 + (long) (1.0 / Math.max(1e-6, r.nextDouble()));
                articles = Math.min(articles, 1_000_000);
                EntityDelta delta = new EntityDelta(name, types[(int) (i % types.length)], articles, articles * (1 + r.nextInt(3)));
                producer.send(new ProducerRecord<>(topic, delta.key(), serializer.serialize(topic, delta)));
            }
            producer.flush();
        }
    }

    private static String wrk(String url, int seconds, int connections, int round) throws IOException, InterruptedException {
        if (seconds <= 0) {
            seconds = 2;
        }
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", url)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (is it installed? apt-get install -y wrk):\n" + output);
        }
        return output;
    }

    private static final Pattern QPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("([0-9]+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");

    static WrkResult parse(String endpoint, int round, String output, String load) {
        return new WrkResult(endpoint, round, number(QPS, output), percentile(output, "50%"), percentile(output, "90%"),
                percentile(output, "99%"), (long) number(REQUESTS, output), (long) Math.max(0, number(NON_2XX, output)), load);
    }

    private static double number(Pattern p, String output) {
        Matcher m = p.matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** A wrk latency percentile in milliseconds ("50%    1.23ms", units us/ms/s). */
    private static double percentile(String output, String label) {
        Matcher m = Pattern.compile("^\\s+" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

}
