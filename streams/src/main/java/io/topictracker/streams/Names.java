package io.topictracker.streams;

/**
 * Every processor, store and repartition topic name in the topology, in one place: renaming one
 * changes internal topic names (and so needs a migration), which the topology snapshot test shows.
 */
public final class Names {

    private Names() {}

    // processors (kebab-case verbs)
    public static final String READ_ARTICLES = "read-articles";
    public static final String DECODE_ARTICLES = "decode-articles";
    public static final String ROUTE = "route-";
    public static final String REJECTED = "rejected";
    public static final String UNKEYED = "unkeyed";
    public static final String KEYED = "keyed";
    public static final String UNWRAP_REJECTED = "unwrap-rejected";
    public static final String WRITE_DEAD_LETTERS = "write-dead-letters";
    public static final String UNWRAP_UNKEYED = "unwrap-unkeyed";
    public static final String UNWRAP_KEYED = "unwrap-keyed";
    public static final String MERGE_ARTICLES = "merge-articles";
    public static final String DIFF_CONTRIBUTIONS = "diff-contributions";
    public static final String SPLIT_DELTAS = "split-deltas-";
    public static final String THEME_DELTAS = "theme";
    public static final String ENTITY_DELTAS = "entity";
    public static final String UNWRAP_THEME_DELTAS = "unwrap-theme-deltas";
    public static final String UNWRAP_ENTITY_DELTAS = "unwrap-entity-deltas";
    public static final String COUNT_THEMES = "count-themes";
    public static final String COUNT_ENTITIES = "count-entities";

    // repartition topics (prefixed with application.id and suffixed -repartition by Kafka Streams)
    public static final String ARTICLES_BY_ID = "articles-by-id";
    public static final String THEME_DELTAS_BY_THEME = "theme-deltas";
    public static final String ENTITY_DELTAS_BY_NAME = "entity-deltas";

    // state stores (nouns)
    public static final String ARTICLE_STORE = "article-extractions";
    public static final String THEME_COUNT_STORE = "theme-counts";
    public static final String THEME_TIMELINE_STORE = "theme-timeline";
    public static final String ENTITY_COUNT_STORE = "entity-counts";
    public static final String ENTITY_RANK_STORE = "entity-rank";
}
