package io.topictracker.streams.ingest;

/** Headers on every {@code articles-dlq} record (why it was rejected, where it came from) and its metric names. */
public final class DeadLetterHeaders {

    private DeadLetterHeaders() {}

    public static final String REASON = "dlq.reason";
    public static final String TOPIC = "dlq.topic";
    public static final String PARTITION = "dlq.partition";
    public static final String OFFSET = "dlq.offset";
    /** Set when the value was over the size limit: its full size (the dead letter keeps a prefix). */
    public static final String ORIGINAL_BYTES = "dlq.original.bytes";

    // The dead-letter counter in Kafka Streams' metrics: group "stream-topic-tracker-metrics".
    public static final String METRIC_SCOPE = "topic-tracker";
    public static final String METRIC_ENTITY = "articles";
    public static final String METRIC_OPERATION = "dead-letter";
}
