package io.topictracker.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.topictracker.extract.Extractor;
import io.topictracker.query.Instance;
import io.topictracker.streams.app.StreamsSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins {@code topology.describe()}: renaming a processor, store or repartition topic changes the
 * app's internal topics, so it must show up as a reviewed diff of {@code topology.txt}. To accept a
 * change on purpose run with {@code -Dtopology.snapshot.update=true}.
 */
class TopologySnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/topology.txt");

    @Test
    void shouldMatchTheReviewedTopologySnapshot() throws IOException {
        StreamsSettings settings = StreamsSettings.defaults("unused:9092", Path.of("target/state"), new Instance("localhost", 8080));
        String described = TrackerTopology.build(TopologySettings.defaults(Extractor.withDefaultTaxonomy()), settings.toProperties())
                .describe()
                .toString();
        if (Boolean.getBoolean("topology.snapshot.update")) {
            Files.writeString(SNAPSHOT, described, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(SNAPSHOT, StandardCharsets.UTF_8), described,
                "topology changed: review the diff and rerun with -Dtopology.snapshot.update=true to accept it");
    }
}
