package io.topictracker.streams.serde;

/**
 * Key of the theme timeline store: a theme and an hour bucket (hours since the epoch). Its binary
 * form sorts by theme, then hour, so one theme's buckets are one contiguous range scan.
 */
public record ThemeHour(String theme, long hour) {

    public static long hourOf(long epochMillis) {
        return Math.floorDiv(epochMillis, 3_600_000L);
    }
}
