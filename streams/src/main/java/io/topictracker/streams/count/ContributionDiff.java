package io.topictracker.streams.count;

import io.topictracker.extract.EntityMention;
import io.topictracker.extract.EntityType;
import io.topictracker.streams.serde.ThemeHour;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The heart of exact counting: given what an article contributed before and what it contributes
 * now (either may be null), the signed deltas that turn the old counts into the new ones. Pure.
 */
public final class ContributionDiff {

    private ContributionDiff() {}

    public static List<CountDelta> between(ArticleState before, ArticleState after) {
        List<CountDelta> deltas = new ArrayList<>();
        themeDeltas(before, after, deltas);
        entityDeltas(before, after, deltas);
        return deltas;
    }

    private static void themeDeltas(ArticleState before, ArticleState after, List<CountDelta> out) {
        TreeSet<String> themes = new TreeSet<>();
        if (before != null) {
            themes.addAll(before.extraction().themes().keySet());
        }
        if (after != null) {
            themes.addAll(after.extraction().themes().keySet());
        }
        for (String theme : themes) {
            int oldMentions = before == null ? 0 : before.extraction().themes().getOrDefault(theme, 0);
            int newMentions = after == null ? 0 : after.extraction().themes().getOrDefault(theme, 0);
            long articles = presence(newMentions) - presence(oldMentions);
            long mentions = (long) newMentions - oldMentions;

            // Remove from the old hour, add to the new one; netted when both are the same hour.
            Map<Long, long[]> byHour = new LinkedHashMap<>();
            if (oldMentions > 0) {
                add(byHour, ThemeHour.hourOf(before.eventTime()), -1, -oldMentions);
            }
            if (newMentions > 0) {
                add(byHour, ThemeHour.hourOf(after.eventTime()), 1, newMentions);
            }
            List<BucketDelta> buckets = new ArrayList<>();
            byHour.forEach((hour, d) -> {
                if (d[0] != 0 || d[1] != 0) {
                    buckets.add(new BucketDelta(hour, d[0], d[1]));
                }
            });
            if (articles != 0 || mentions != 0 || !buckets.isEmpty()) {
                out.add(new ThemeDelta(theme, articles, mentions, buckets));
            }
        }
    }

    private static void entityDeltas(ArticleState before, ArticleState after, List<CountDelta> out) {
        // (key, type) → {old mentions, new mentions, display name}
        Map<String, Map<EntityType, EntityChange>> changes = new LinkedHashMap<>();
        if (before != null) {
            for (EntityMention e : before.extraction().entities()) {
                change(changes, e).oldMentions += e.mentions();
            }
        }
        if (after != null) {
            for (EntityMention e : after.extraction().entities()) {
                change(changes, e).newMentions += e.mentions();
            }
        }
        changes.forEach((key, byType) -> byType.forEach((type, c) -> {
            long articles = presence(c.newMentions) - presence(c.oldMentions);
            long mentions = (long) c.newMentions - c.oldMentions;
            if (articles != 0 || mentions != 0) {
                out.add(new EntityDelta(c.name, type, articles, mentions));
            }
        }));
    }

    private static EntityChange change(Map<String, Map<EntityType, EntityChange>> changes, EntityMention e) {
        EntityChange c = changes.computeIfAbsent(EntityDelta.keyOf(e.name()), k -> new LinkedHashMap<>())
                .computeIfAbsent(e.type(), t -> new EntityChange());
        c.name = Objects.requireNonNullElse(c.name, e.name());
        return c;
    }

    private static final class EntityChange {
        String name;
        int oldMentions;
        int newMentions;
    }

    private static int presence(int mentions) {
        return mentions > 0 ? 1 : 0;
    }

    private static void add(Map<Long, long[]> byHour, long hour, long articles, long mentions) {
        long[] d = byHour.computeIfAbsent(hour, h -> new long[2]);
        d[0] += articles;
        d[1] += mentions;
    }
}
