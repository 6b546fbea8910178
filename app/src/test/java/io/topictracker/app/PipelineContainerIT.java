package io.topictracker.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.topictracker.cli.Main;
import io.topictracker.extract.Extractor;
import io.topictracker.query.Instance;
import io.topictracker.query.QueryResult;
import io.topictracker.query.ThemeCount;
import io.topictracker.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same flow as {@link PipelineIT} against Apache Kafka's own Docker image, for users with
 * Docker. Where no Docker engine runs, JUnit reports it as skipped, not failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainerIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.3.1");

    @TempDir
    Path stateDir;

    @Test
    void shouldCountTheSeedsOnAKafkaContainer() throws Exception {
        String bootstrap = KAFKA.getBootstrapServers();
        TopicSetup.createMissing(bootstrap, Map.of(), 3);
        StreamsSettings settings = StreamsSettings.defaults(bootstrap, stateDir, new Instance("localhost", PipelineIT.freePort()))
                .withApplicationId("container-it-" + UUID.randomUUID());
        try (TrackerService service = TrackerService.start(settings, Extractor.withDefaultTaxonomy(), "localhost")) {
            assertEquals(0, Main.commandLine().execute("produce", "--bootstrap-servers", bootstrap, Path.of("..", "seeds").toString()));
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    service.queries().theme("security") instanceof QueryResult.Found<ThemeCount> found && found.value().articles() == 4);
        }
    }
}
