package io.topictracker.query;

/**
 * The answer of an interactive query: the value, the instance that owns the key, no such key, or
 * "not queryable right now" (starting, rebalancing, restoring state). The HTTP layer maps these to
 * 200, a forward to the owner, 404 and 503.
 */
public sealed interface QueryResult<T> {

    record Found<T>(T value) implements QueryResult<T> {}

    record OwnedByOther<T>(Instance owner) implements QueryResult<T> {}

    record NotFound<T>(String message) implements QueryResult<T> {}

    record Unavailable<T>(String reason) implements QueryResult<T> {}
}
