package io.topictracker.streams.app;

import io.topictracker.query.Instance;
import io.topictracker.streams.TopologySettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Typed settings of the streams app, validated once; {@link #toProperties()} is what both the app
 * and the tests hand to Kafka Streams.
 *
 * @param advertised the host and port of this instance's HTTP API ({@code application.server}),
 *     which other instances use to forward queries here
 * @param maxArticleBytes larger {@code articles} values are dead-lettered (see {@link TopologySettings})
 * @param rocksDbMemoryBytes bound on the off-heap memory of all RocksDB stores ({@link BoundedRocksDbConfig})
 * @param clientOverrides any Kafka client setting (SASL/SSL, ...) from a properties file; applied
 *     last, so it can override everything above
 */
public record StreamsSettings(
        String bootstrapServers,
        String applicationId,
        Path stateDir,
        Instance advertised,
        String processingGuarantee,
        int streamThreads,
        long cacheMaxBytes,
        int maxArticleBytes,
        long rocksDbMemoryBytes,
        Map<String, String> clientOverrides) {

    public static final String DEFAULT_APPLICATION_ID = "topic-tracker";
    public static final long DEFAULT_CACHE_BYTES = 10L * 1024 * 1024;
    public static final long DEFAULT_ROCKSDB_MEMORY_BYTES = 64L * 1024 * 1024;

    public StreamsSettings {
        requireText(bootstrapServers, StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        requireText(applicationId, StreamsConfig.APPLICATION_ID_CONFIG);
        Objects.requireNonNull(stateDir, StreamsConfig.STATE_DIR_CONFIG);
        Objects.requireNonNull(advertised, StreamsConfig.APPLICATION_SERVER_CONFIG);
        if (!StreamsConfig.EXACTLY_ONCE_V2.equals(processingGuarantee)
                && !StreamsConfig.AT_LEAST_ONCE.equals(processingGuarantee)) {
            throw new IllegalArgumentException(StreamsConfig.PROCESSING_GUARANTEE_CONFIG + " must be "
                    + StreamsConfig.EXACTLY_ONCE_V2 + " or " + StreamsConfig.AT_LEAST_ONCE + ", got '" + processingGuarantee + "'");
        }
        if (streamThreads < 1) {
            throw new IllegalArgumentException(StreamsConfig.NUM_STREAM_THREADS_CONFIG + " must be at least 1, got " + streamThreads);
        }
        if (cacheMaxBytes < 0) {
            throw new IllegalArgumentException(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG + " must be >= 0, got " + cacheMaxBytes);
        }
        if (rocksDbMemoryBytes < 8L * 1024 * 1024) {
            throw new IllegalArgumentException(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG + " must be at least 8 MiB, got " + rocksDbMemoryBytes);
        }
        TopologySettings.checkMaxArticleBytes(maxArticleBytes);
        clientOverrides = Map.copyOf(clientOverrides);
    }

    /** Settings with the documented defaults for everything but the broker, state dir and HTTP address. */
    public static StreamsSettings defaults(String bootstrapServers, Path stateDir, Instance advertised) {
        return new StreamsSettings(bootstrapServers, DEFAULT_APPLICATION_ID, stateDir, advertised,
                StreamsConfig.EXACTLY_ONCE_V2, 1, DEFAULT_CACHE_BYTES,
                TopologySettings.DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_ROCKSDB_MEMORY_BYTES, Map.of());
    }

    public StreamsSettings withBootstrapServers(String servers) {
        return new StreamsSettings(servers, applicationId, stateDir, advertised, processingGuarantee, streamThreads,
                cacheMaxBytes, maxArticleBytes, rocksDbMemoryBytes, clientOverrides);
    }

    public StreamsSettings withStateDir(Path dir) {
        return new StreamsSettings(bootstrapServers, applicationId, dir, advertised, processingGuarantee, streamThreads,
                cacheMaxBytes, maxArticleBytes, rocksDbMemoryBytes, clientOverrides);
    }

    public StreamsSettings withApplicationId(String id) {
        return new StreamsSettings(bootstrapServers, id, stateDir, advertised, processingGuarantee, streamThreads,
                cacheMaxBytes, maxArticleBytes, rocksDbMemoryBytes, clientOverrides);
    }

    public StreamsSettings withClientOverrides(Map<String, String> overrides) {
        return new StreamsSettings(bootstrapServers, applicationId, stateDir, advertised, processingGuarantee, streamThreads,
                cacheMaxBytes, maxArticleBytes, rocksDbMemoryBytes, overrides);
    }

    public Properties toProperties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(streamThreads));
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, Long.toString(cacheMaxBytes));
        // Articles are ~5 KB: the default 16 KB batch holds three of them (see docs/NOTES).
        props.put(StreamsConfig.producerPrefix("batch.size"), "262144");
        props.put(StreamsConfig.producerPrefix("linger.ms"), "10");
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        // Room for a dead letter of up to maxArticleBytes plus its headers.
        props.put(StreamsConfig.producerPrefix("max.request.size"), Integer.toString(maxArticleBytes + 64 * 1024));
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class.getName());
        props.put(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, Long.toString(rocksDbMemoryBytes));
        // The 5.0 default, opted into now (silences a start-up warning; no global stores here). The
        // partition assignor builds its own StreamsConfig from the main consumer's settings, so they get
        // it too, or it warns at every start.
        props.put("processing.exception.handler.global.enabled", "true"); // constant is deprecated for 5.0
        props.put(StreamsConfig.mainConsumerPrefix("processing.exception.handler.global.enabled"), "true");
        props.putAll(clientOverrides);
        return props;
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
    }
}
