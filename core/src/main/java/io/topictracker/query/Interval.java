package io.topictracker.query;

import java.time.Duration;

/** Bucket width of a theme timeline. Counts are kept per hour; days are summed at query time. */
public enum Interval {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration width;

    Interval(Duration width) {
        this.width = width;
    }

    public Duration width() {
        return width;
    }
}
