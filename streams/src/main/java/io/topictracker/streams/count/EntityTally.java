package io.topictracker.streams.count;

import io.topictracker.extract.EntityType;
import io.topictracker.query.Tally;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Value of the {@code entity-counts} store: one entity's counts per type it has been given (an
 * extractor may call "Apple" an ORG in one article and a PRODUCT in another). Immutable.
 */
public record EntityTally(String name, Map<EntityType, Tally> byType) {

    public EntityTally {
        byType = Collections.unmodifiableMap(byType.isEmpty() ? new EnumMap<>(EntityType.class) : new EnumMap<>(byType));
    }

    /** Applies a delta; returns null when nothing is left, so the row is deleted, not kept at 0. */
    public static EntityTally apply(EntityTally current, EntityDelta delta) {
        Map<EntityType, Tally> byType = new EnumMap<>(EntityType.class);
        if (current != null) {
            byType.putAll(current.byType());
        }
        Tally tally = byType.getOrDefault(delta.type(), Tally.ZERO).plus(delta.articles(), delta.mentions());
        if (tally.isZero()) {
            byType.remove(delta.type());
        } else {
            byType.put(delta.type(), tally);
        }
        if (byType.isEmpty()) {
            return null;
        }
        String name = current == null || delta.articles() > 0 ? delta.name() : current.name();
        return new EntityTally(name, byType);
    }
}
