package io.topictracker.broker;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedKafkaBrokerSettingsTest {

    @Test
    void defaultsAreRandomPortTemporaryDirNoExtraConfig() {
        var settings = EmbeddedKafkaBroker.Settings.defaults();
        assertEquals(0, settings.port());
        assertNull(settings.dataDir());
        assertEquals(Map.of(), settings.brokerConfig());
    }

    @Test
    void withersReturnUpdatedCopies() {
        var base = EmbeddedKafkaBroker.Settings.defaults();
        var settings = base.withPort(9092)
                .withDataDir(Path.of(".topic-tracker/kafka"))
                .withBrokerConfig("num.partitions", "3")
                .withBrokerConfig(Map.of("log.retention.hours", "1", "num.partitions", "6"));
        assertEquals(9092, settings.port());
        assertEquals(Path.of(".topic-tracker/kafka"), settings.dataDir());
        assertEquals(Map.of("num.partitions", "6", "log.retention.hours", "1"), settings.brokerConfig());
        assertEquals(EmbeddedKafkaBroker.Settings.defaults(), base);
    }

    @Test
    void brokerConfigIsCopiedDefensively() {
        Map<String, String> config = new HashMap<>(Map.of("a", "1"));
        var settings = new EmbeddedKafkaBroker.Settings(0, null, config);
        config.put("b", "2");
        assertEquals(Map.of("a", "1"), settings.brokerConfig());
        assertThrows(UnsupportedOperationException.class, () -> settings.brokerConfig().put("c", "3"));
        assertEquals(Map.of(), new EmbeddedKafkaBroker.Settings(0, null, null).brokerConfig());
    }

    @Test
    void rejectsInvalidPort() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedKafkaBroker.Settings.defaults().withPort(-1));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedKafkaBroker.Settings.defaults().withPort(65_536));
    }
}
