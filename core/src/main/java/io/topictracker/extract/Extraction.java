package io.topictracker.extract;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the extractor found in one article: each theme with its number of matches, and each named
 * entity. This is what the topology counts, so equal articles must give equal extractions.
 *
 * @param themes theme name → mentions (always ≥ 1), sorted by theme name
 * @param entities entities sorted by mentions (descending), then name
 */
public record Extraction(SortedMap<String, Integer> themes, List<EntityMention> entities) {

    public static final Extraction EMPTY = new Extraction(new TreeMap<>(), List.of());

    public Extraction {
        themes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(themes));
        entities = List.copyOf(entities);
    }

    public static Extraction of(Map<String, Integer> themes, List<EntityMention> entities) {
        return new Extraction(new TreeMap<>(themes), entities);
    }
}
