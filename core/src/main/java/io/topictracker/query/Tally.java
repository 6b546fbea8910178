package io.topictracker.query;

/**
 * A running count: distinct articles that mention something, and its total mentions. Immutable;
 * {@link #plus} returns a new tally.
 */
public record Tally(long articles, long mentions) {

    public static final Tally ZERO = new Tally(0, 0);

    public Tally plus(long articleDelta, long mentionDelta) {
        return new Tally(articles + articleDelta, mentions + mentionDelta);
    }

    /** A tally that reached zero is removed from its store rather than kept as a 0 row (KAFKA-16575). */
    public boolean isZero() {
        return articles <= 0 && mentions <= 0;
    }
}
