package io.topictracker.query;

import io.topictracker.extract.EntityMention;
import io.topictracker.extract.ThemeEvidence;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * What the pipeline extracted from one article, as {@code GET /api/articles/{id}} returns it: themes
 * with their mentions and evidence (offsets and a snippet around the first hit, so a reader sees why
 * the article counts), entities, and the taxonomy version that produced the themes.
 */
public record ArticleView(
        String id,
        String title,
        String url,
        String source,
        String author,
        Instant eventTime,
        String taxonomyVersion,
        SortedMap<String, Integer> themes,
        SortedMap<String, ThemeEvidence> evidence,
        List<EntityMention> entities) {}
