package io.topictracker.streams.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.topictracker.extract.Extractor;
import io.topictracker.query.TopicQueries;
import io.topictracker.streams.TopologySettings;
import io.topictracker.streams.TrackerTopology;
import io.topictracker.streams.query.InteractiveQueries;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running streams app: owns the {@link KafkaStreams} instance and its lifecycle. A state
 * listener feeds readiness and {@link #stopped()}; an uncaught exception stops the client (and so
 * the process, via {@code stopped()}) rather than replacing the thread, because an exception that
 * escapes the topology's own error handling is a bug that would recur on every retry.
 */
public final class TrackerStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerStreams.class);

    private final KafkaStreams streams;
    private final InteractiveQueries queries;
    private final CompletableFuture<KafkaStreams.State> stopped = new CompletableFuture<>();

    public TrackerStreams(StreamsSettings settings, Extractor extractor) {
        Properties props = settings.toProperties();
        streams = new KafkaStreams(TrackerTopology.build(new TopologySettings(extractor, settings.maxArticleBytes()), props), props);
        queries = new InteractiveQueries(streams, settings.advertised(), extractor.taxonomy().themes().keySet());
        streams.setStateListener((next, previous) -> {
            LOG.info("streams state {} -> {}", previous, next);
            if (next == KafkaStreams.State.ERROR || next == KafkaStreams.State.NOT_RUNNING) {
                stopped.complete(next);
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; stopping the streams app", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    public TrackerStreams start() {
        streams.start();
        return this;
    }

    /** Exports every Kafka Streams client metric (dead-letter-total included) to {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        new KafkaStreamsMetrics(streams).bindTo(registry);
    }

    public TopicQueries queries() {
        return queries;
    }

    /** Completes when the app stops on its own (error) or is closed. */
    public CompletableFuture<KafkaStreams.State> stopped() {
        return stopped;
    }

    /**
     * Closes and leaves the consumer group, so a restarted instance gets its partitions back at once
     * instead of after the session timeout (45 s) of the member that went away.
     */
    public void close(Duration timeout) {
        streams.close(CloseOptions.timeout(timeout).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
