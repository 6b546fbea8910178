package io.topictracker.query;

import java.time.Instant;

/** Counts of one theme in one time bucket (hour or day) by article event time. */
public record TimelineBucket(Instant start, long articles, long mentions) {}
