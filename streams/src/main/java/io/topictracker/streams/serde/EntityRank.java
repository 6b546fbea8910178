package io.topictracker.streams.serde;

import io.topictracker.extract.EntityType;

/**
 * Key of the {@code entity-rank} store: one (entity, type) row ordered by articles, then mentions
 * (both descending), then name. Its binary form ({@link EntityRankSerde}) sorts that way, so the top
 * N of a type is the first N rows of that type's prefix: no scan of every entity.
 */
public record EntityRank(EntityType type, long articles, long mentions, String name) {}
