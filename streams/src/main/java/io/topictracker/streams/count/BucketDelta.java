package io.topictracker.streams.count;

/** A signed change to one hour bucket of a theme's timeline ({@code hour} = hours since the epoch). */
public record BucketDelta(long hour, long articles, long mentions) {}
