package io.topictracker.query;

import io.topictracker.extract.EntityType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The read side of the pipeline: answers from the live state stores of this instance. The HTTP
 * layer depends only on this interface; one class implements it over Kafka Streams interactive
 * queries.
 *
 * <p>Key lookups answer {@link QueryResult.OwnedByOther} when another instance holds the key. List
 * queries ({@code local*}) cover only this instance's partitions; {@link #peers()} names the other
 * instances to ask so a caller can gather the whole picture.
 */
public interface TopicQueries {

    /** True when the streams app is RUNNING and its stores answer queries. */
    boolean isReady();

    /** The streams app's lifecycle state (CREATED, REBALANCING, RUNNING, ERROR, ...). */
    String state();

    /** Records this instance sent to the dead-letter topic since it started. */
    long deadLettersSinceStart();

    /** The other instances of this application that hold count partitions. */
    QueryResult<Set<Instance>> peers();

    /** Every theme known to the taxonomy. */
    Set<String> taxonomyThemes();

    QueryResult<List<ThemeCount>> localThemes();

    QueryResult<ThemeCount> theme(String theme);

    QueryResult<List<TimelineBucket>> timeline(String theme, Interval interval, Instant from, Instant to);

    /** This instance's top entities by articles, optionally of one type. */
    QueryResult<List<EntityCount>> localTopEntities(EntityType type, int limit);

    /** An entity by name (case-insensitive); one row per type it has been given. */
    QueryResult<List<EntityCount>> entity(String name);

    QueryResult<ArticleView> article(String id);
}
