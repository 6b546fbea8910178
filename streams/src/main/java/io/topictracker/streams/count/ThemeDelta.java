package io.topictracker.streams.count;

import java.util.List;

/**
 * A signed change to one theme: the all-time change plus the hour buckets it moves between (an
 * edited {@code publishedAt} leaves the all-time count unchanged but moves the article's bucket).
 */
public record ThemeDelta(String theme, long articles, long mentions, List<BucketDelta> buckets) implements CountDelta {

    public ThemeDelta {
        buckets = List.copyOf(buckets);
    }

    @Override
    public String key() {
        return theme;
    }
}
