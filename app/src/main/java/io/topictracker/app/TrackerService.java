package io.topictracker.app;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.topictracker.extract.Extractor;
import io.topictracker.http.HttpApi;
import io.topictracker.query.TopicQueries;
import io.topictracker.streams.app.StreamsSettings;
import io.topictracker.streams.app.TrackerStreams;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running topic-tracker instance: the streams app and the HTTP API in front of it. Starts the
 * streams first (HTTP answers 503 until they are RUNNING) and closes in the reverse order: HTTP
 * first so no request meets a closing store, then streams with a timeout.
 */
public final class TrackerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackerService.class);
    private static final Duration STREAMS_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final TrackerStreams streams;
    private final HttpApi http;
    private boolean closed;

    private TrackerService(TrackerStreams streams, HttpApi http) {
        this.streams = streams;
        this.http = http;
    }

    /** Starts the streams app and binds the HTTP API on {@code httpHost:settings.advertised().port()}. */
    public static TrackerService start(StreamsSettings settings, Extractor extractor, String httpHost) {
        TrackerStreams streams = new TrackerStreams(settings, extractor);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        streams.bindMetrics(metrics);
        // Read on every scrape (Micrometer's Kafka binder only discovers new client metrics once a minute).
        FunctionCounter.builder("topic_tracker.dead.letters", streams.queries(), TopicQueries::deadLettersSinceStart)
                .description("records sent to articles-dlq since this instance started")
                .register(metrics);
        HttpApi http = new HttpApi(streams.queries(), metrics);
        try {
            http.start(httpHost, settings.advertised().port());
        } catch (RuntimeException e) {
            streams.close(Duration.ZERO);
            throw e;
        }
        streams.start();
        LOG.info("topic-tracker instance {} started (application.id {})", settings.advertised(), settings.applicationId());
        return new TrackerService(streams, http);
    }

    public TopicQueries queries() {
        return streams.queries();
    }

    /** Completes when the streams app stops by itself (a fatal error) or is closed. */
    public CompletableFuture<?> stopped() {
        return streams.stopped();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        http.close();
        streams.close(STREAMS_CLOSE_TIMEOUT);
    }
}
