package io.topictracker.broker;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** How failures surfacing from inside the broker are turned into user-readable messages. */
class EmbeddedKafkaBrokerStartFailureTest {

    private static final Path DIR = Path.of("/data/kafka");

    @Test
    void bindFailureDuringStartupBecomesPortInUse() {
        // what SocketServer throws when it loses the race for the port after our pre-check
        var e = new ExecutionException(new KafkaException("Socket server failed to bind to localhost:9092: Address already in use.",
                new BindException("Address already in use")));
        assertEquals("port 9092 is already in use — is another Kafka running?",
                EmbeddedKafkaBroker.startFailure(e, 9092, DIR).getMessage());
    }

    @Test
    void kafkaLockFailureBecomesDataDirInUse() {
        var e = new KafkaException("Failed to acquire lock on file .lock in /data/kafka/combined_0_0. "
                + "A Kafka instance in another process or thread is using this directory.");
        assertEquals("Kafka data directory /data/kafka is in use by another broker — is another topic-tracker running?",
                EmbeddedKafkaBroker.startFailure(e, 0, DIR).getMessage());
    }

    @Test
    void otherFailuresNameTheRootCause() {
        var e = new RuntimeException("wrapper", new IllegalStateException("boom"));
        var mapped = EmbeddedKafkaBroker.startFailure(e, 0, DIR);
        assertEquals("embedded Kafka broker failed to start: java.lang.IllegalStateException: boom", mapped.getMessage());
        assertSame(e, mapped.getCause());
    }

    @Test
    void startExceptionsPassThrough() {
        var e = new EmbeddedKafkaBroker.StartException("already clear", null);
        assertSame(e, EmbeddedKafkaBroker.startFailure(e, 0, DIR));
    }
}
