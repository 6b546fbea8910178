package io.topictracker.extract;

/** The kinds of named entity the extractor types. */
public enum EntityType {
    ORG,
    PERSON,
    PRODUCT,
    PLACE
}
