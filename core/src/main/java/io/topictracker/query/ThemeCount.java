package io.topictracker.query;

/** A theme and how many articles mention it (and how often), as the API returns it. */
public record ThemeCount(String theme, long articles, long mentions) {}
