package io.topictracker.extract;

/** One named entity found in an article: its canonical name, type and how often the article names it. */
public record EntityMention(String name, EntityType type, int mentions) {}
