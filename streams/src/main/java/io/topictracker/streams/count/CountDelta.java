package io.topictracker.streams.count;

/**
 * A signed change to one count, emitted when an article appears, changes or disappears. Counts are
 * sums of deltas, so the order in which different articles' deltas arrive does not matter.
 */
public sealed interface CountDelta permits ThemeDelta, EntityDelta {

    /** The store key this delta changes; also the partitioning key of its repartition topic. */
    String key();
}
