package io.topictracker.streams;

import io.topictracker.extract.Extractor;

/**
 * What the topology needs beyond Kafka Streams' own properties.
 *
 * @param extractor the theme/entity extractor (taxonomy included)
 * @param maxArticleBytes values larger than this go to the dead-letter topic, not truncated
 */
public record TopologySettings(Extractor extractor, int maxArticleBytes) {

    /** 1 MiB of article JSON: far above any real article, small enough for Kafka's default limits. */
    public static final int DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024;

    public TopologySettings {
        checkMaxArticleBytes(maxArticleBytes);
    }

    public static int checkMaxArticleBytes(int maxArticleBytes) {
        if (maxArticleBytes < 1024) {
            throw new IllegalArgumentException("max article bytes must be at least 1024, got " + maxArticleBytes);
        }
        return maxArticleBytes;
    }

    public static TopologySettings defaults(Extractor extractor) {
        return new TopologySettings(extractor, DEFAULT_MAX_ARTICLE_BYTES);
    }
}
