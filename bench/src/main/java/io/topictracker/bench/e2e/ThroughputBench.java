package io.topictracker.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.topictracker.bench.BenchFlags;
import io.topictracker.article.Article;
import io.topictracker.article.Json;
import io.topictracker.bench.corpus.SyntheticCorpus;
import io.topictracker.extract.Extraction;
import io.topictracker.extract.Extractor;
import io.topictracker.app.ConsumerLag;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * End-to-end throughput, side by side: our streams app (the CLI {@code streams} command, production
 * settings: exactly_once_v2), Apache Kafka's unmodified {@code WordCountDemo} (the peer) and a plain
 * {@code KafkaConsumer} (the raw limit), each in its own JVM, over the same N synthetic articles on
 * one in-JVM broker, interleaved run by run. A streams contender is timed from the moment its
 * consumer group is stable (it owns its partitions) until every input and repartition partition is
 * committed to the end; the wall time from JVM launch is reported too. Our app must also answer
 * exactly the expected theme counts over HTTP, else the run is marked FAILED.
 *
 * <p>Run with {@code bench/run-throughput.sh --help}.
 */
public final class ThroughputBench {

    /** The command line; {@code bench/run-throughput.sh --help} prints it. */
    @Command(name = "run-throughput.sh", sortOptions = false, usageHelpWidth = 110,
            description = "End-to-end throughput: our streams app vs WordCountDemo vs a plain KafkaConsumer.")
    static final class Flags {
        @Option(names = "--articles", paramLabel = "N", defaultValue = "20000",
                description = "articles to load (default ${DEFAULT-VALUE})")
        long articles;

        @Option(names = "--runs", paramLabel = "R", defaultValue = "3",
                description = "interleaved runs per contender (default ${DEFAULT-VALUE})")
        int runs;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
                description = "corpus seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--partitions", paramLabel = "P", defaultValue = "3",
                description = "partitions of the input topics (default ${DEFAULT-VALUE}, as the app creates them)")
        int partitions;

        @Option(names = "--contenders", paramLabel = "LIST", split = ",", defaultValue = "ours,wordcount,raw",
                description = "comma list of: ours, wordcount (10 MB cache + exactly_once_v2), wordcount-stock "
                        + "(the demo's own settings), raw (default ${DEFAULT-VALUE})")
        List<String> contenders;

        @Option(names = "--variant", paramLabel = "NAME:SPEC",
                description = "adds contender ours-NAME (repeatable): our app plus SPEC, space separated Kafka settings "
                        + "(K=V), CLI flags (--x v), JVM options (-X..., -D...) and classpath=CP (another build of the "
                        + "app, e.g. a local experiment's bench/target/lib/*), e.g. "
                        + "--variant \"t2:--stream-threads 2 commit.interval.ms=1000 -XX:TieredStopAtLevel=1\"")
        List<String> variants = new ArrayList<>();

        @Option(names = "--jfr", paramLabel = "DIR", description = "record JFR (settings=profile) of our app into DIR")
        Path jfr;

        @Option(names = "--timeout-s", paramLabel = "T", defaultValue = "900",
                description = "give up on one contender run after T seconds (default ${DEFAULT-VALUE})")
        long timeoutSeconds;

        @Option(names = "--work", paramLabel = "DIR", defaultValue = "bench/target/throughput",
                description = "where state dirs, logs and results go (default ${DEFAULT-VALUE})")
        Path work;

        @Mixin
        OursAppFlags app = new OursAppFlags();
    }

    private record Options(long articles, int runs, long seed, int partitions, List<String> contenders,
            Map<String, String> oursConfig, List<String> oursArgs, Map<String, Variant> variants, List<String> jvmOpts,
            Path jfrDir, long timeoutSeconds, Path work) {}

    /** Our app with extra settings (a tuning experiment), run as contender {@code ours-NAME}. */
    record Variant(Map<String, String> config, List<String> args, List<String> jvmOptions, String classpath) {
        static Variant parse(String spec) {
            Map<String, String> config = new LinkedHashMap<>();
            List<String> args = new ArrayList<>();
            List<String> jvm = new ArrayList<>();
            String classpath = System.getProperty("java.class.path");
            for (String token : Proc.words(spec)) {
                if (token.startsWith("classpath=")) {
                    classpath = token.substring("classpath=".length());
                } else if (token.startsWith("-X") || token.startsWith("-D")) {
                    jvm.add(token);
                } else if (token.startsWith("--") || !token.contains("=")) {
                    args.add(token);
                } else {
                    String[] kv = token.split("=", 2);
                    config.put(kv[0], kv[1]);
                }
            }
            return new Variant(config, args, jvm, classpath);
        }
    }

    /** One contender run. Rates use the processing time (group stable → all committed). */
    record Result(String contender, int run, long records, double inputMiB, double startupSec, double processSec,
            double wallSec, double cpuSec, double peakRssMiB, double stateMiB, double harnessCpuSec, String check, String load,
            double secondHalfRecords, double secondHalfSec) {
        /** Rate over the second half of the input (JIT warm-up and start-up mostly behind). */
        double steadyPerSecond() {
            return secondHalfRecords / secondHalfSec;
        }

        double perSecond() {
            return records / processSec;
        }

        double mibPerSecond() {
            return inputMiB / processSec;
        }
    }

    private ThroughputBench() {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Files.createDirectories(o.work());
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "throughput bench: %d articles, %d runs, seed %d, %d partitions, contenders %s%n",
                o.articles(), o.runs(), o.seed(), o.partitions(), o.contenders());
        out.printf("machine: %d cores, load average %s (1/5/15 min) at start, %s%n",
                Runtime.getRuntime().availableProcessors(), Proc.loadAverage(), Instant.now());

        SyntheticCorpus corpus = new SyntheticCorpus(o.seed(), 30_000, Set.of());
        Map<String, long[]> expected = o.contenders().stream().anyMatch(c -> c.startsWith("ours")) ? expectedThemes(corpus, o.articles()) : Map.of();

        try (BenchCluster cluster = BenchCluster.start(o.partitions())) {
            long t = System.nanoTime();
            BenchCluster.Loaded loaded = cluster.load(corpus, o.articles());
            out.printf(Locale.ROOT, "loaded %d articles in %.1f s: %.1f MiB JSON on '%s', %.1f MiB text on '%s' (vocabulary %d, %d entity names)%n",
                    loaded.articles(), seconds(System.nanoTime() - t), mib(loaded.articleBytes()), BenchCluster.ARTICLES,
                    mib(loaded.plainTextBytes()), BenchCluster.WORDCOUNT_INPUT, corpus.vocabularySize(), corpus.entityNameCount());

            List<Result> results = new ArrayList<>();
            for (int run = 1; run <= o.runs(); run++) {
                List<String> order = new ArrayList<>(o.contenders());
                java.util.Collections.rotate(order, -(run - 1)); // interleave: a different contender goes first each run
                for (String contender : order) {
                    Result r;
                    if (contender.equals("ours")) {
                        r = runOurs(o, cluster, loaded, expected, run, contender, new Variant(Map.of(), List.of(), List.of(), System.getProperty("java.class.path")));
                    } else if (contender.startsWith("ours-") && o.variants().containsKey(contender.substring(5))) {
                        r = runOurs(o, cluster, loaded, expected, run, contender, o.variants().get(contender.substring(5)));
                    } else if (contender.equals("wordcount") || contender.equals("wordcount-stock")) {
                        r = runWordCount(o, cluster, loaded, run, contender.equals("wordcount"));
                    } else if (contender.equals("raw")) {
                        r = runRaw(o, cluster, loaded, run);
                    } else {
                        throw new IllegalArgumentException("unknown contender " + contender);
                    }
                    results.add(r);
                    out.println(row(r));
                    out.flush();
                }
            }
            summarize(o, results, out);
        }
    }

    // --- contenders ----------------------------------------------------------------------------

    private static Result runOurs(Options o, BenchCluster cluster, BenchCluster.Loaded loaded, Map<String, long[]> expected, int run,
            String name, Variant variant) throws Exception {
        String appId = "tt-bench-" + name + "-r" + run + "-" + System.currentTimeMillis();
        Map<String, String> config = new LinkedHashMap<>(o.oursConfig());
        config.putAll(variant.config());
        List<String> args = new ArrayList<>(o.oursArgs());
        args.addAll(variant.args());
        List<String> jvm = new ArrayList<>(o.jvmOpts());
        jvm.addAll(variant.jvmOptions());
        if (o.jfrDir() != null) {
            Files.createDirectories(o.jfrDir());
            jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + o.jfrDir().resolve(appId + ".jfr"));
        }
        String load = Proc.loadAverage();
        double harnessCpu0 = Proc.selfCpuSeconds();
        try (GroupWatch watch = new GroupWatch(cluster.bootstrapServers());
                ConsumerLag lag = new ConsumerLag(cluster.bootstrapServers(), Map.of(), appId);
                OursApp app = OursApp.start(variant.classpath(), cluster.bootstrapServers(), o.work(), appId, config, args, jvm)) {
            ChildJvm child = app.child();
            Path state = app.stateDir();
            int port = app.port();
            long stable = awaitStable(watch, appId, child, o);
            long done = -1;
            long[] half = {-1, 0};
            long deadline = child.startNanos() + TimeUnit.SECONDS.toNanos(o.timeoutSeconds());
            while (System.nanoTime() < deadline && child.isAlive()) {
                if (lag.caughtUp()) {
                    done = System.nanoTime();
                    break;
                }
                markHalf(watch, appId, BenchCluster.ARTICLES, loaded.articles(), half);
                TimeUnit.MILLISECONDS.sleep(100);
            }
            double cpu = Proc.cpuSeconds(child.pid());
            double rss = Proc.peakRssMiB(child.pid());
            String threads = "; cpu s by thread " + format(Proc.cpuByThreadKind(child.pid(), appId));
            String check = done < 0 ? "DNF (" + progress(watch, appId, BenchCluster.ARTICLES, loaded) + ")"
                    : checkThemes(port, expected);
            double stateMiB = Proc.directoryMiB(state);
            String internal = repartitionRecords(watch, appId);
            Result r = new Result(name, run, loaded.articles(), mib(loaded.articleBytes()), seconds(stable - child.startNanos()),
                    done < 0 ? Double.NaN : seconds(done - stable), done < 0 ? Double.NaN : seconds(done - child.startNanos()),
                    cpu, rss, stateMiB, Proc.selfCpuSeconds() - harnessCpu0, check + internal + threads, load,
                    loaded.articles() - half[1], done < 0 || half[0] < 0 ? Double.NaN : seconds(done - half[0]));
            return r;
        }
    }

    private static Result runWordCount(Options o, BenchCluster cluster, BenchCluster.Loaded loaded, int run, boolean tuned)
            throws Exception {
        String name = tuned ? "wordcount" : "wordcount-stock";
        String appId = "streams-wordcount-" + (tuned ? "tuned" : "stock") + "-r" + run + "-" + System.currentTimeMillis();
        Path state = o.work().resolve("state-" + appId);
        Path config = o.work().resolve(appId + ".properties");
        StringBuilder props = new StringBuilder()
                .append("bootstrap.servers=").append(cluster.bootstrapServers()).append('\n')
                .append("application.id=").append(appId).append('\n')
                .append("state.dir=").append(state).append('\n');
        if (tuned) {
            props.append("statestore.cache.max.bytes=").append(10L * 1024 * 1024).append('\n')
                    .append("processing.guarantee=exactly_once_v2\n");
        }
        Files.writeString(config, props);
        String load = Proc.loadAverage();
        double harnessCpu0 = Proc.selfCpuSeconds();
        try (GroupWatch watch = new GroupWatch(cluster.bootstrapServers());
                ChildJvm child = ChildJvm.start(o.jvmOpts(), "org.apache.kafka.streams.examples.wordcount.WordCountDemo",
                        List.of(config.toString()), o.work().resolve(appId + ".log"))) {
            long stable = awaitStable(watch, appId, child, o);
            long done = -1;
            long[] half = {-1, 0};
            long deadline = child.startNanos() + TimeUnit.SECONDS.toNanos(o.timeoutSeconds());
            while (System.nanoTime() < deadline && child.isAlive()) {
                if (watch.lag(appId, BenchCluster.WORDCOUNT_INPUT) == 0) {
                    done = System.nanoTime();
                    break;
                }
                markHalf(watch, appId, BenchCluster.WORDCOUNT_INPUT, loaded.articles(), half);
                TimeUnit.MILLISECONDS.sleep(100);
            }
            double cpu = Proc.cpuSeconds(child.pid());
            double rss = Proc.peakRssMiB(child.pid());
            String check = (done < 0 ? "DNF (" + progress(watch, appId, BenchCluster.WORDCOUNT_INPUT, loaded) + ")" : "lag 0")
                    + "; cpu s by thread " + format(Proc.cpuByThreadKind(child.pid(), appId));
            double stateMiB = Proc.directoryMiB(state);
            Result r = new Result(name, run, loaded.articles(), mib(loaded.plainTextBytes()), seconds(stable - child.startNanos()),
                    done < 0 ? Double.NaN : seconds(done - stable), done < 0 ? Double.NaN : seconds(done - child.startNanos()),
                    cpu, rss, stateMiB, Proc.selfCpuSeconds() - harnessCpu0, check, load,
                    loaded.articles() - half[1], done < 0 || half[0] < 0 ? Double.NaN : seconds(done - half[0]));
            child.stop();
            Proc.deleteRecursively(state);
            return r;
        }
    }

    private static Result runRaw(Options o, BenchCluster cluster, BenchCluster.Loaded loaded, int run) throws Exception {
        Path log = o.work().resolve("raw-r" + run + ".log");
        String load = Proc.loadAverage();
        double harnessCpu0 = Proc.selfCpuSeconds();
        try (ChildJvm child = ChildJvm.start(o.jvmOpts(), RawConsumer.class.getName(),
                List.of(cluster.bootstrapServers(), BenchCluster.ARTICLES), log)) {
            // CPU and RSS must be read while the process lives: poll them until it exits
            double cpu = 0;
            double rss = 0;
            while (child.isAlive()) {
                cpu = Math.max(cpu, Proc.cpuSeconds(child.pid()));
                rss = Math.max(rss, Proc.peakRssMiB(child.pid()));
                TimeUnit.MILLISECONDS.sleep(20);
            }
            int exit = child.waitFor(1000);
            double wall = seconds(System.nanoTime() - child.startNanos());
            String line = Files.readAllLines(log).stream().filter(l -> l.startsWith("RESULT ")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("raw consumer exited " + exit + " without a result; see " + log));
            Map<String, Long> f = Arrays.stream(line.substring(7).split(" "))
                    .map(kv -> kv.split("=")).collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1])));
            double process = f.get("nanos") / 1e9;
            String check = f.get("records") == loaded.articles() ? "all records" : "read " + f.get("records") + " records!";
            return new Result("raw", run, f.get("records"), mib(f.get("bytes")), wall - process, process, wall, cpu, rss, 0,
                    Proc.selfCpuSeconds() - harnessCpu0, check, load, Double.NaN, Double.NaN);
        }
    }

    // --- measuring -----------------------------------------------------------------------------

    private static long awaitStable(GroupWatch watch, String groupId, ChildJvm child, Options o) throws InterruptedException {
        long deadline = child.startNanos() + TimeUnit.SECONDS.toNanos(Math.min(120, o.timeoutSeconds()));
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("contender exited early; see " + child.log());
            }
            if (watch.stable(groupId)) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(25);
        }
        throw new IllegalStateException("consumer group " + groupId + " not stable after 120 s; see " + child.log());
    }

    /** Records when the group's commits first cover half of the input: {nanoTime, committed offsets then}. */
    private static void markHalf(GroupWatch watch, String groupId, String topic, long records, long[] half) throws InterruptedException {
        if (half[0] >= 0) {
            return;
        }
        long committed = watch.committedInput(groupId, topic);
        if (committed >= records / 2) {
            half[0] = System.nanoTime();
            half[1] = Math.min(committed, records);
        }
    }

    private static String progress(GroupWatch watch, String groupId, String topic, BenchCluster.Loaded loaded) throws InterruptedException {
        return "committed ~" + watch.committedInput(groupId, topic) + " of " + loaded.articles() + " input offsets";
    }

    /** Records (plus transaction markers) that went through the app's repartition topics. */
    private static String repartitionRecords(GroupWatch watch, String appId) {
        try {
            List<String> topics = watch.admin().listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith(appId + "-") && t.endsWith("-repartition")).sorted().toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            watch.admin().describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()
                    .forEach(d -> d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> perTopic = new TreeMap<>();
            watch.admin().listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                    .forEach((tp, info) -> perTopic.merge(tp.topic().substring(appId.length() + 1).replace("-repartition", ""), info.offset(), Long::sum));
            return "; repartition offsets " + perTopic;
        } catch (Exception e) {
            return "";
        }
    }

    /** Theme → {articles, mentions} over articles [0, n), computed with the same Extractor the app runs. */
    private static Map<String, long[]> expectedThemes(SyntheticCorpus corpus, long n) {
        long t = System.nanoTime();
        Extractor extractor = Extractor.withDefaultTaxonomy();
        Map<String, long[]> expected = new TreeMap<>();
        for (long i = 0; i < n; i++) {
            Article a = corpus.article(i);
            Extraction e = extractor.extract(a.title(), a.body());
            e.themes().forEach((theme, mentions) -> {
                long[] c = expected.computeIfAbsent(theme, k -> new long[2]);
                c[0]++;
                c[1] += mentions;
            });
        }
        System.out.printf(Locale.ROOT, "expected counts: %d themes from %d articles, extracted in-process in %.1f s (%.0f µs/article)%n",
                expected.size(), n, seconds(System.nanoTime() - t), (System.nanoTime() - t) / 1e3 / n);
        return expected;
    }

    /**
     * GET /api/themes must equal the expected counts exactly; asked again for up to 5 s when it
     * differs (an app that buffers deltas may still be flushing them when its lag reaches 0).
     */
    private static String checkThemes(int port, Map<String, long[]> expected) {
        long start = System.nanoTime();
        String answer = checkThemesOnce(port, expected);
        while (answer.startsWith("FAILED") && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5)) {
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            String again = checkThemesOnce(port, expected);
            if (!again.startsWith("FAILED")) {
                return again + " after " + (System.nanoTime() - start) / 1_000_000 + " ms more";
            }
            answer = again;
        }
        return answer;
    }

    private static String checkThemesOnce(int port, Map<String, long[]> expected) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/themes"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                return "FAILED: /api/themes answered " + response.statusCode();
            }
            Map<String, long[]> actual = new TreeMap<>();
            for (JsonNode row : Json.mapper().readTree(response.body()).path("data")) {
                actual.put(row.path("theme").asText(), new long[] {row.path("articles").asLong(), row.path("mentions").asLong()});
            }
            boolean same = actual.keySet().equals(expected.keySet())
                    && expected.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), actual.get(e.getKey())));
            long articles = expected.values().stream().mapToLong(c -> c[1]).sum();
            return same ? "counts exact (" + expected.size() + " themes, " + articles + " mentions)"
                    : "FAILED: /api/themes differs from the expected counts";
        } catch (IOException e) {
            return "FAILED: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "FAILED: interrupted";
        }
    }

    // --- reporting -----------------------------------------------------------------------------

    private static String row(Result r) {
        return String.format(Locale.ROOT,
                "run %d %-16s %8.0f art/s (2nd half %6.0f/s) %7.1f MiB/s | process %7.2f s, startup %5.2f s, wall %7.2f s | cpu %6.1f s (%.2f ms/article) | peak RSS %5.0f MiB | state %6.1f MiB | harness+broker cpu %5.1f s | load %s | %s",
                r.run(), r.contender(), r.perSecond(), r.steadyPerSecond(), r.mibPerSecond(), r.processSec(), r.startupSec(), r.wallSec(), r.cpuSec(),
                1000 * r.cpuSec() / r.records(), r.peakRssMiB(), r.stateMiB(), r.harnessCpuSec(), r.load(), r.check());
    }

    private static void summarize(Options o, List<Result> results, PrintStream out) throws IOException {
        Map<String, List<Result>> by = new LinkedHashMap<>();
        for (String c : o.contenders()) {
            by.put(c, results.stream().filter(r -> r.contender().equals(c)).toList());
        }
        out.println();
        out.printf(Locale.ROOT, "SUMMARY (median of %d runs; %d articles; load average at end %s)%n", o.runs(), o.articles(), Proc.loadAverage());
        out.println("| contender | articles/s | 2nd-half articles/s | MiB/s | process s | wall s (incl. JVM start) | CPU ms/article | peak RSS MiB | state dir MiB |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, Double> medianRate = new LinkedHashMap<>();
        for (Map.Entry<String, List<Result>> e : by.entrySet()) {
            List<Result> rs = e.getValue();
            double rate = Proc.median(rs.stream().map(Result::perSecond).toList());
            medianRate.put(e.getKey(), rate);
            out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.1f | %.2f | %.2f | %.3f | %.0f | %.1f |%n", e.getKey(), rate,
                    Proc.median(rs.stream().map(Result::steadyPerSecond).toList()),
                    Proc.median(rs.stream().map(Result::mibPerSecond).toList()),
                    Proc.median(rs.stream().map(Result::processSec).toList()),
                    Proc.median(rs.stream().map(Result::wallSec).toList()),
                    Proc.median(rs.stream().map(r -> 1000 * r.cpuSec() / r.records()).toList()),
                    Proc.median(rs.stream().map(Result::peakRssMiB).toList()),
                    Proc.median(rs.stream().map(Result::stateMiB).toList()));
        }
        if (by.containsKey("ours")) {
            for (String other : by.keySet()) {
                if (other.equals("ours")) {
                    continue;
                }
                List<Double> perRun = new ArrayList<>();
                for (int run = 1; run <= o.runs(); run++) {
                    int rr = run;
                    double ours = by.get("ours").stream().filter(r -> r.run() == rr).mapToDouble(Result::perSecond).findFirst().orElse(Double.NaN);
                    double theirs = by.get(other).stream().filter(r -> r.run() == rr).mapToDouble(Result::perSecond).findFirst().orElse(Double.NaN);
                    perRun.add(other.startsWith("ours-") ? theirs / ours : ours / theirs);
                }
                double ofMedians = other.startsWith("ours-") ? medianRate.get(other) / medianRate.get("ours")
                        : medianRate.get("ours") / medianRate.get(other);
                out.printf(Locale.ROOT, other.startsWith("ours-") ? "%2$s / ours = %1$.2f (ratio of medians); per run %3$s%n"
                        : "ours / %2$s = %1$.2f (ratio of medians); per run %3$s%n", ofMedians, other,
                        perRun.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
            }
        }
        Path tsv = o.work().resolve("results-" + System.currentTimeMillis() + ".tsv");
        List<String> lines = new ArrayList<>();
        lines.add("contender\trun\trecords\tinput_mib\tstartup_s\tprocess_s\twall_s\tcpu_s\tpeak_rss_mib\tstate_mib\tharness_cpu_s\tload\tcheck");
        results.forEach(r -> lines.add(String.join("\t", r.contender(), "" + r.run(), "" + r.records(), fmt(r.inputMiB()),
                fmt(r.startupSec()), fmt(r.processSec()), fmt(r.wallSec()), fmt(r.cpuSec()), fmt(r.peakRssMiB()),
                fmt(r.stateMiB()), fmt(r.harnessCpuSec()), r.load(), r.check())));
        Files.write(tsv, lines);
        out.println("rows: " + tsv);
    }

    private static Options parse(String[] args) {
        Flags f = BenchFlags.parse(new Flags(), args);
        Map<String, Variant> variants = new LinkedHashMap<>();
        for (String variant : f.variants) {
            String[] spec = variant.split(":", 2);
            variants.put(spec[0], Variant.parse(spec.length > 1 ? spec[1] : ""));
        }
        List<String> all = new ArrayList<>(f.contenders);
        variants.keySet().stream().map(v -> "ours-" + v).filter(c -> !all.contains(c)).forEach(all::add);
        return new Options(f.articles, f.runs, f.seed, f.partitions, List.copyOf(all), f.app.config, f.app.args(),
                variants, f.app.jvmOpts(), f.jfr == null ? null : f.jfr.toAbsolutePath(), f.timeoutSeconds,
                f.work.toAbsolutePath());
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static String format(Map<String, Double> byKind) {
        return byKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())).collect(Collectors.joining(", ", "{", "}"));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
