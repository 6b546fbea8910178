package io.topictracker.streams;

import org.apache.kafka.common.serialization.Serdes;

/** The external topics of the pipeline. Internal topics are named in {@link Names}. */
public final class Topics {

    private Topics() {}

    /** Input: key = article id, value = article JSON (UTF-8) or null to delete the article. */
    public static final TopicSpec<String, byte[]> ARTICLES =
            new TopicSpec<>("articles", Serdes.String(), Serdes.ByteArray());

    /** Rejected input, byte for byte, with {@code dlq.*} headers saying why and where it came from. */
    public static final TopicSpec<String, byte[]> ARTICLES_DLQ =
            new TopicSpec<>("articles-dlq", Serdes.String(), Serdes.ByteArray());
}
