package io.topictracker.cli;

import io.topictracker.app.ConsumerLag;
import io.topictracker.app.TopicSetup;
import io.topictracker.app.TrackerService;
import io.topictracker.broker.EmbeddedKafkaBroker;
import io.topictracker.extract.Extractor;
import io.topictracker.producer.ArticlePublisher;
import io.topictracker.producer.source.ArticleSources;
import io.topictracker.producer.source.ReadReport;
import io.topictracker.query.QueryResult;
import io.topictracker.query.ThemeCount;
import io.topictracker.query.TopicQueries;
import io.topictracker.streams.Topics;
import io.topictracker.streams.app.StreamsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code topic-tracker demo}: the whole product on one machine with nothing installed: a real KRaft
 * broker in this JVM, the streams app and HTTP API, and the seed articles published into it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Start a Kafka broker in this JVM, the streams app and its HTTP API, publish the seed articles,"
                + " print a few queries to try, and run until Ctrl-C. Data is kept in --data-dir across runs.")
public final class DemoCommand implements Callable<Integer> {

    private static final long PROCESSING_DEADLINE_MS = 120_000;

    @Spec
    CommandSpec spec;

    @Mixin
    InstanceOptions instance;

    @Mixin
    TaxonomyOption taxonomy;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092", description = "Port of the embedded broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${sys:topic-tracker.home:-.}/.topic-tracker",
            description = "Where the broker's data and the streams state live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--seeds", paramLabel = "DIR", defaultValue = "${sys:topic-tracker.home:-.}/seeds",
            description = "Articles to publish at start (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--fresh", description = "Delete --data-dir first: start with an empty broker and empty counts.")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Extractor extractor = taxonomy.extractor();
        Path data = dataDir.toAbsolutePath().normalize();
        if (fresh) {
            deleteRecursively(data);
        }
        StreamsSettings settings = instance.settings("localhost:" + kafkaPort, Map.of(), data.resolve("state"));

        out.println("Starting Kafka (KRaft, in this JVM)...");
        out.flush();
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(
                    EmbeddedKafkaBroker.Settings.defaults().withPort(kafkaPort).withDataDir(data.resolve("kafka")));
        } catch (EmbeddedKafkaBroker.StartException e) {
            spec.commandLine().getErr().println("demo: " + e.getMessage() + " (choose another port with --kafka-port)");
            return 1;
        }
        TrackerService service;
        try {
            broker.createTopics(TopicSetup.topics(instance.partitions(), settings.maxArticleBytes()));
            service = TrackerService.start(settings.withBootstrapServers(broker.bootstrapServers()), extractor, instance.httpHost());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            broker.close();
        }, "topic-tracker-shutdown"));

        out.printf("  Kafka broker   %s   (any Kafka client can publish here)%n", broker.bootstrapServers());
        out.printf("  data           %s%n", data);
        out.printf("  HTTP API       http://localhost:%d%n", settings.advertised().port());
        out.flush();

        publishSeeds(broker.bootstrapServers(), out);
        awaitProcessed(broker.bootstrapServers(), settings.applicationId());
        printThemes(service.queries(), out);
        printTryLines(out, settings.advertised().port(), broker.bootstrapServers());

        Object finalState = service.stopped().get();
        spec.commandLine().getErr().println("streams app stopped (" + finalState + ")");
        return "ERROR".equals(String.valueOf(finalState)) ? 1 : 0;
    }

    private void publishSeeds(String bootstrapServers, PrintWriter out) {
        ReadReport report = ArticleSources.read(List.of(seeds), System.in);
        report.problems().forEach(p -> spec.commandLine().getErr().println("skipped " + p.describe()));
        try (ArticlePublisher publisher = new ArticlePublisher(bootstrapServers, Topics.ARTICLES.name(), Map.of())) {
            CompletableFuture.allOf(report.articles().stream()
                            .map(sourced -> publisher.send(sourced.article()))
                            .toArray(CompletableFuture[]::new))
                    .join();
        }
        out.printf("  published      %d article(s) from %s to topic '%s'%n", report.articles().size(), seeds, Topics.ARTICLES.name());
        out.flush();
    }

    /** Waits (bounded) until the app has processed everything published, so the table below is real. */
    private static void awaitProcessed(String bootstrapServers, String applicationId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PROCESSING_DEADLINE_MS;
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers, Map.of(), applicationId)) {
            while (!lag.caughtUp() && System.currentTimeMillis() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    private static void printThemes(TopicQueries queries, PrintWriter out) {
        if (queries.localThemes() instanceof QueryResult.Found<List<ThemeCount>> found) {
            out.println();
            out.println("Theme counts now (articles / mentions):");
            found.value().stream()
                    .sorted(Comparator.comparingLong(ThemeCount::articles).reversed().thenComparing(ThemeCount::theme))
                    .forEach(t -> out.printf("  %-22s %3d / %d%n", t.theme(), t.articles(), t.mentions()));
        }
    }

    private static void printTryLines(PrintWriter out, int httpPort, String bootstrap) {
        String base = "http://localhost:" + httpPort;
        out.println();
        out.println("Try:");
        out.println("  curl -s " + base + "/api/themes");
        out.println("  curl -s " + base + "/api/themes/open-source");
        out.println("  curl -s '" + base + "/api/themes/security/timeline?interval=day&from=2022-11-01'");
        out.println("  curl -s '" + base + "/api/entities?type=ORG&limit=10'");
        out.println("  curl -s " + base + "/api/articles/001_793c6768dc07fa76");
        out.println("  ./topic-tracker produce --bootstrap-servers " + bootstrap + " path/to/article.md");
        out.println();
        out.println("Ctrl-C to stop.");
        out.flush();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
