package io.topictracker.producer.source;

import io.topictracker.article.Article;
import java.util.Objects;

/**
 * One article read from an input, with where it came from so the producer can say which file (and
 * which line of a JSON-lines file) a published or rejected record stems from.
 *
 * @param article the article, ready to publish
 * @param origin {@code path} for a text file, {@code path:line} for a JSON-lines record; standard
 *     input is named {@code stdin}
 */
public record SourcedArticle(Article article, String origin) {

    public SourcedArticle {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(origin, "origin");
    }
}
