package io.topictracker.cli;

import io.topictracker.query.Instance;
import io.topictracker.streams.app.BoundedRocksDbConfig;
import io.topictracker.streams.app.StreamsSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options of one running instance: its HTTP API, state directory and Kafka Streams tuning. */
public final class InstanceOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "${env:TOPIC_TRACKER_HTTP_PORT:-8080}",
            description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-host", paramLabel = "HOST", defaultValue = "${env:TOPIC_TRACKER_HTTP_HOST:-0.0.0.0}",
            description = "Address the HTTP API binds (default: ${DEFAULT-VALUE}).")
    String httpHost;

    @Option(names = "--advertised-host", paramLabel = "HOST", defaultValue = "${env:TOPIC_TRACKER_ADVERTISED_HOST:-localhost}",
            description = "Host name other instances use to reach this one's HTTP API (default: ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:TOPIC_TRACKER_STATE_DIR}",
            description = "Kafka Streams state directory (env TOPIC_TRACKER_STATE_DIR).")
    Path stateDir;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "${env:TOPIC_TRACKER_APPLICATION_ID:-" + StreamsSettings.DEFAULT_APPLICATION_ID + "}",
            description = "Kafka Streams application.id: instances with the same id share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--processing-guarantee", paramLabel = "GUARANTEE", defaultValue = "${env:TOPIC_TRACKER_PROCESSING_GUARANTEE:-exactly_once_v2}",
            description = "exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE}).")
    String processingGuarantee;

    @Option(names = "--stream-threads", paramLabel = "N", defaultValue = "${env:TOPIC_TRACKER_STREAM_THREADS:-1}",
            description = "Kafka Streams threads (default: ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--max-article-bytes", paramLabel = "BYTES", defaultValue = "${env:TOPIC_TRACKER_MAX_ARTICLE_BYTES:-1048576}",
            description = "Larger 'articles' values go to 'articles-dlq' with the reason, never truncated (default: ${DEFAULT-VALUE}).")
    int maxArticleBytes;

    @Option(names = "--rocksdb-memory-mb", paramLabel = "MB", defaultValue = "${env:TOPIC_TRACKER_ROCKSDB_MEMORY_MB:-64}",
            description = "Bound on the off-heap memory of all RocksDB state stores together (default: ${DEFAULT-VALUE}).")
    long rocksDbMemoryMb;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of the 'articles' topic when this command creates it (default: ${DEFAULT-VALUE}).")
    int partitions;

    /** Typed settings; a bad value fails here, naming its flag. */
    public StreamsSettings settings(String bootstrapServers, Map<String, String> clientOverrides, Path defaultStateDir) {
        if (httpPort < 1 || httpPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--http-port must be 1..65535, got " + httpPort);
        }
        if (partitions < 1) {
            throw new ParameterException(spec.commandLine(), "--partitions must be at least 1, got " + partitions);
        }
        try {
            return new StreamsSettings(bootstrapServers, applicationId, stateDir == null ? defaultStateDir : stateDir,
                    new Instance(advertisedHost, httpPort), processingGuarantee, streamThreads, StreamsSettings.DEFAULT_CACHE_BYTES,
                    maxArticleBytes, rocksDbMemoryMb * 1024 * 1024, clientOverrides);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage()
                    .replace("processing.guarantee", "--processing-guarantee")
                    .replace("num.stream.threads", "--stream-threads")
                    .replace("application.id", "--application-id")
                    .replace("max article bytes", "--max-article-bytes")
                    .replace(BoundedRocksDbConfig.MEMORY_BYTES_CONFIG, "--rocksdb-memory-mb (in bytes)"));
        }
    }

    public String httpHost() {
        return httpHost;
    }

    public int maxArticleBytes() {
        return maxArticleBytes;
    }

    public int partitions() {
        return partitions;
    }
}
