package io.topictracker.query;

import io.topictracker.extract.EntityType;

/** A named entity and how many articles mention it (and how often), as the API returns it. */
public record EntityCount(String name, EntityType type, long articles, long mentions) {}
