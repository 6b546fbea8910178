package io.topictracker.extract;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the extractor found in one article: each theme with its number of matches and the evidence
 * for it, each named entity, and the taxonomy version that produced the themes. This is what the
 * topology counts and keeps per article, so equal articles must give equal extractions, and it stays
 * small: evidence is a few offsets and one snippet per theme.
 *
 * @param themes theme name → mentions (always ≥ 1), sorted by theme name
 * @param entities entities sorted by mentions (descending), then name
 * @param taxonomyVersion {@link Taxonomy#version()} of the taxonomy that produced {@code themes};
 *     empty for an extraction stored before versions existed
 * @param evidence theme name → where it matched, for each theme in {@code themes}
 */
public record Extraction(
        SortedMap<String, Integer> themes,
        List<EntityMention> entities,
        String taxonomyVersion,
        SortedMap<String, ThemeEvidence> evidence) {

    public static final Extraction EMPTY = new Extraction(new TreeMap<>(), List.of(), "", new TreeMap<>());

    public Extraction {
        themes = Collections.unmodifiableSortedMap(new TreeMap<>(themes));
        entities = List.copyOf(entities);
        taxonomyVersion = taxonomyVersion == null ? "" : taxonomyVersion;
        evidence = Collections.unmodifiableSortedMap(evidence == null ? new TreeMap<>() : new TreeMap<>(evidence));
    }

    /** Themes and entities only, without version or evidence. */
    public Extraction(SortedMap<String, Integer> themes, List<EntityMention> entities) {
        this(themes, entities, "", new TreeMap<>());
    }

    public static Extraction of(Map<String, Integer> themes, List<EntityMention> entities) {
        return new Extraction(new TreeMap<>(themes), entities);
    }
}
