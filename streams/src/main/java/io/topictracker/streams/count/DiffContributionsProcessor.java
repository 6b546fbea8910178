package io.topictracker.streams.count;

import io.topictracker.article.Article;
import io.topictracker.extract.Extraction;
import io.topictracker.extract.Extractor;
import io.topictracker.streams.Names;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by article id: keeps the last counted version of each article and emits the signed deltas
 * between it and the new version (or nothing for an exact re-send; take-backs for a tombstone).
 * This is what makes counts exact under duplicates, edits and deletes without relying on KTable
 * adder/subtractor order (KAFKA-12446).
 */
public final class DiffContributionsProcessor implements Processor<String, Article, String, CountDelta> {

    private final Extractor extractor;
    private ProcessorContext<String, CountDelta> context;
    private KeyValueStore<String, ArticleState> articles;

    public DiffContributionsProcessor(Extractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public void init(ProcessorContext<String, CountDelta> context) {
        this.context = context;
        this.articles = context.getStateStore(Names.ARTICLE_STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        String id = record.key();
        ArticleState before = articles.get(id);
        ArticleState after = record.value() == null ? null : nextState(before, record.value(), record.timestamp());
        if (Objects.equals(before, after)) {
            return; // re-sent unchanged (or deleting an unknown article): counts must not move
        }
        for (CountDelta delta : ContributionDiff.between(before, after)) {
            context.forward(record.withKey(delta.key()).withValue(delta));
        }
        if (after == null) {
            articles.delete(id);
        } else {
            articles.put(id, after);
        }
    }

    private ArticleState nextState(ArticleState before, Article article, long recordTimestamp) {
        long eventTime = article.publishedAt() != null ? article.publishedAt().toEpochMilli() : recordTimestamp;
        String hash = ArticleState.contentHash(article);
        // Same text and taxonomy version → same extraction: skip the costly part for re-sends and
        // metadata-only edits. A re-send after a taxonomy version change is extracted again.
        Extraction extraction = before != null
                        && before.contentHash().equals(hash)
                        && before.extraction().taxonomyVersion().equals(extractor.taxonomy().version())
                ? before.extraction()
                : extractor.extract(article.title(), article.body());
        return ArticleState.of(article, eventTime, hash, extraction);
    }
}
