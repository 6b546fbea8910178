package io.topictracker.article;

import java.time.Instant;
import java.util.Objects;

/**
 * One news article as it travels on the {@code articles} topic: the pipeline's input event.
 *
 * <p>{@code id} and {@code body} are always present; the other fields may be {@code null}. When
 * {@code publishedAt} is null the Kafka record timestamp is the article's event time.
 */
public record Article(
        String id, String title, String body, String url, String source, String author, Instant publishedAt) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
    }

    /** The same article under another id (the record key wins over the id in the value). */
    public Article withId(String newId) {
        return new Article(newId, title, body, url, source, author, publishedAt);
    }
}
