package io.topictracker.query;

import io.topictracker.extract.EntityMention;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/** What the pipeline extracted from one article, as {@code GET /api/articles/{id}} returns it. */
public record ArticleView(
        String id,
        String title,
        String url,
        String source,
        String author,
        Instant eventTime,
        SortedMap<String, Integer> themes,
        List<EntityMention> entities) {}
