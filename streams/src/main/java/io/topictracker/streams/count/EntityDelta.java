package io.topictracker.streams.count;

import io.topictracker.extract.EntityType;
import java.util.Locale;

/** A signed change to one entity under one type. Keyed by the case-folded name. */
public record EntityDelta(String name, EntityType type, long articles, long mentions) implements CountDelta {

    @Override
    public String key() {
        return keyOf(name);
    }

    /** Entities are stored and looked up by case-folded name, so "OpenAI" and "openai" are one. */
    public static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
