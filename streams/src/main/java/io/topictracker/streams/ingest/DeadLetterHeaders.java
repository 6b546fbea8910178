package io.topictracker.streams.ingest;

/** Headers on every {@code articles-dlq} record: why it was rejected and where it came from. */
public final class DeadLetterHeaders {

    private DeadLetterHeaders() {}

    public static final String REASON = "dlq.reason";
    public static final String TOPIC = "dlq.topic";
    public static final String PARTITION = "dlq.partition";
    public static final String OFFSET = "dlq.offset";
}
