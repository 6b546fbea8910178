package io.topictracker.streams.count;

import io.topictracker.article.Article;
import io.topictracker.article.ArticleIds;
import io.topictracker.extract.Extraction;

/**
 * The last version of an article that the pipeline counted (value of the {@code article-extractions}
 * store): what it contributed to the counts, so a new version or a delete can take exactly that
 * back. The body is not kept, only its hash.
 *
 * @param eventTime epoch millis: {@code publishedAt}, else the record timestamp
 * @param contentHash hash of title and body; equal hash means extraction can be reused
 */
public record ArticleState(
        String id,
        String title,
        String url,
        String source,
        String author,
        long eventTime,
        String contentHash,
        Extraction extraction) {

    public static String contentHash(Article article) {
        return ArticleIds.sha256Hex((article.title() == null ? "" : article.title()) + "\u0000" + article.body());
    }

    public static ArticleState of(Article article, long eventTime, String contentHash, Extraction extraction) {
        return new ArticleState(
                article.id(),
                article.title(),
                article.url(),
                article.source(),
                article.author(),
                eventTime,
                contentHash,
                extraction);
    }
}
