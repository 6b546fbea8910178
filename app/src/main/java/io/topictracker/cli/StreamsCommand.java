package io.topictracker.cli;

import io.topictracker.app.TopicSetup;
import io.topictracker.app.TrackerService;
import io.topictracker.extract.Extractor;
import io.topictracker.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code topic-tracker streams}: runs the streams app and its HTTP API against any Kafka cluster. */
@Command(name = "streams", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Run the Kafka Streams app with its HTTP API until stopped (Ctrl-C / SIGTERM).",
            "Start several with the same --application-id (and distinct --http-port/--advertised-host) to share the work."})
public final class StreamsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaClientOptions kafka;

    @Mixin
    InstanceOptions instance;

    @Mixin
    TaxonomyOption taxonomy;

    @Option(names = "--create-topics", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Create the 'articles' and 'articles-dlq' topics when missing; --no-create-topics to skip (default: on).")
    boolean createTopics;

    @Override
    public Integer call() throws Exception {
        Extractor extractor = taxonomy.extractor();
        StreamsSettings settings = instance.settings(kafka.bootstrapServers(), kafka.clientOverrides(), Path.of(".topic-tracker", "state"));
        if (createTopics) {
            TopicSetup.createMissing(settings.bootstrapServers(), settings.clientOverrides(), instance.partitions(), settings.maxArticleBytes());
        }
        TrackerService service = TrackerService.start(settings, extractor, instance.httpHost());
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "topic-tracker-shutdown"));
        spec.commandLine().getOut().printf("topic-tracker streams: HTTP API on http://%s:%d, Kafka at %s, state in %s%n",
                settings.advertised().host(), settings.advertised().port(), settings.bootstrapServers(), settings.stateDir().toAbsolutePath());
        spec.commandLine().getOut().flush();
        Object finalState = service.stopped().get();
        service.close();
        spec.commandLine().getErr().println("streams app stopped (" + finalState + ")");
        return "ERROR".equals(String.valueOf(finalState)) ? 1 : 0;
    }
}
