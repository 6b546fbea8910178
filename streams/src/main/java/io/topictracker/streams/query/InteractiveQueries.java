package io.topictracker.streams.query;

import io.topictracker.extract.EntityType;
import io.topictracker.extract.Extraction;
import io.topictracker.query.ArticleView;
import io.topictracker.query.EntityCount;
import io.topictracker.query.Instance;
import io.topictracker.query.Interval;
import io.topictracker.query.QueryResult;
import io.topictracker.query.Tally;
import io.topictracker.query.ThemeCount;
import io.topictracker.query.TimelineBucket;
import io.topictracker.query.TopicQueries;
import io.topictracker.streams.Names;
import io.topictracker.streams.count.ArticleState;
import io.topictracker.streams.count.EntityDelta;
import io.topictracker.streams.count.EntityTally;
import io.topictracker.streams.ingest.DeadLetterHeaders;
import io.topictracker.streams.serde.EntityRank;
import io.topictracker.streams.serde.EntityRankSerde;
import io.topictracker.streams.serde.ThemeHour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The one class that touches Kafka Streams interactive queries. Every store access is guarded:
 * stores throw {@link InvalidStateStoreException} while starting, rebalancing or restoring, both
 * when fetched and mid-iteration, and that becomes {@link QueryResult.Unavailable} (HTTP 503).
 */
public final class InteractiveQueries implements TopicQueries {

    static final Comparator<ThemeCount> THEME_ORDER = Comparator.comparingLong(ThemeCount::articles)
            .thenComparingLong(ThemeCount::mentions)
            .reversed()
            .thenComparing(ThemeCount::theme);
    static final Comparator<EntityCount> ENTITY_ORDER = Comparator.comparingLong(EntityCount::articles)
            .thenComparingLong(EntityCount::mentions)
            .reversed()
            .thenComparing(EntityCount::name)
            .thenComparing(EntityCount::type);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final Set<String> taxonomyThemes;

    public InteractiveQueries(KafkaStreams streams, Instance self, Set<String> taxonomyThemes) {
        this.streams = streams;
        this.self = new HostInfo(self.host(), self.port());
        this.taxonomyThemes = Set.copyOf(taxonomyThemes);
    }

    @Override
    public boolean isReady() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public String state() {
        return streams.state().name();
    }

    @Override
    public long deadLettersSinceStart() {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
            if (metric.getKey().name().equals(DeadLetterHeaders.METRIC_OPERATION + "-total")
                    && metric.getKey().group().equals("stream-" + DeadLetterHeaders.METRIC_SCOPE + "-metrics")) {
                total += ((Number) metric.getValue().metricValue()).doubleValue();
            }
        }
        return (long) total;
    }

    @Override
    public QueryResult<Set<Instance>> peers() {
        return guarded(() -> {
            Set<Instance> peers = new TreeSet<>(Comparator.comparing(Instance::toString));
            for (StreamsMetadata metadata : streams.metadataForAllStreamsClients()) {
                if (!metadata.hostInfo().equals(self) && !metadata.stateStoreNames().isEmpty()) {
                    peers.add(new Instance(metadata.hostInfo().host(), metadata.hostInfo().port()));
                }
            }
            return new QueryResult.Found<>(peers);
        });
    }

    @Override
    public Set<String> taxonomyThemes() {
        return taxonomyThemes;
    }

    @Override
    public QueryResult<List<ThemeCount>> localThemes() {
        return guarded(() -> {
            List<ThemeCount> themes = new ArrayList<>();
            try (KeyValueIterator<String, Tally> rows = this.<String, Tally>store(Names.THEME_COUNT_STORE).all()) {
                rows.forEachRemaining(row -> themes.add(new ThemeCount(row.key, row.value.articles(), row.value.mentions())));
            }
            themes.sort(THEME_ORDER);
            return new QueryResult.Found<>(themes);
        });
    }

    @Override
    public QueryResult<ThemeCount> theme(String theme) {
        if (!taxonomyThemes.contains(theme)) {
            return new QueryResult.NotFound<>("unknown theme '" + theme + "'");
        }
        return onOwner(Names.THEME_COUNT_STORE, theme, () -> {
            Tally tally = this.<String, Tally>store(Names.THEME_COUNT_STORE).get(theme);
            Tally t = tally == null ? Tally.ZERO : tally;
            return new QueryResult.Found<>(new ThemeCount(theme, t.articles(), t.mentions()));
        });
    }

    @Override
    public QueryResult<List<TimelineBucket>> timeline(String theme, Interval interval, Instant from, Instant to) {
        if (!taxonomyThemes.contains(theme)) {
            return new QueryResult.NotFound<>("unknown theme '" + theme + "'");
        }
        // The timeline store sits in the same task as theme-counts (both keyed by theme).
        return onOwner(Names.THEME_COUNT_STORE, theme, () -> {
            long width = interval.width().toMillis();
            long firstBucket = Math.floorDiv(from.toEpochMilli(), width) * width;
            TreeMap<Long, long[]> buckets = new TreeMap<>();
            for (long start = firstBucket; start < to.toEpochMilli(); start += width) {
                buckets.put(start, new long[2]);
            }
            ThemeHour low = new ThemeHour(theme, ThemeHour.hourOf(firstBucket));
            ThemeHour high = new ThemeHour(theme, ThemeHour.hourOf(to.toEpochMilli() - 1));
            ReadOnlyKeyValueStore<ThemeHour, Tally> timeline = store(Names.THEME_TIMELINE_STORE);
            try (KeyValueIterator<ThemeHour, Tally> rows = timeline.range(low, high)) {
                rows.forEachRemaining(row -> {
                    long start = Math.floorDiv(row.key.hour() * 3_600_000L, width) * width;
                    long[] sum = buckets.get(start);
                    if (sum != null) {
                        // Exact for days too: an article has one event time, so it sits in one hour.
                        sum[0] += row.value.articles();
                        sum[1] += row.value.mentions();
                    }
                });
            }
            List<TimelineBucket> result = new ArrayList<>(buckets.size());
            buckets.forEach((start, sum) -> result.add(new TimelineBucket(Instant.ofEpochMilli(start), sum[0], sum[1])));
            return new QueryResult.Found<>(result);
        });
    }

    @Override
    public QueryResult<List<EntityCount>> localTopEntities(EntityType type, int limit) {
        return guarded(() -> {
            // The rank store is ordered by counts: the first `limit` rows of each type are its top.
            ReadOnlyKeyValueStore<EntityRank, String> rank = store(Names.ENTITY_RANK_STORE);
            List<EntityCount> top = new ArrayList<>();
            for (EntityType t : type == null ? EntityType.values() : new EntityType[] {type}) {
                try (KeyValueIterator<EntityRank, String> rows = rank.prefixScan(t, EntityRankSerde.typePrefix())) {
                    for (int n = 0; n < limit && rows.hasNext(); n++) {
                        EntityRank row = rows.next().key;
                        top.add(new EntityCount(row.name(), row.type(), row.articles(), row.mentions()));
                    }
                }
            }
            top.sort(ENTITY_ORDER);
            return new QueryResult.Found<>(List.copyOf(top.subList(0, Math.min(limit, top.size()))));
        });
    }

    @Override
    public QueryResult<List<EntityCount>> entity(String name) {
        String key = EntityDelta.keyOf(name);
        return onOwner(Names.ENTITY_COUNT_STORE, key, () -> {
            EntityTally tally = this.<String, EntityTally>store(Names.ENTITY_COUNT_STORE).get(key);
            if (tally == null) {
                return new QueryResult.NotFound<>("no article mentions entity '" + name + "'");
            }
            List<EntityCount> counts = counts(tally);
            counts.sort(ENTITY_ORDER);
            return new QueryResult.Found<>(counts);
        });
    }

    @Override
    public QueryResult<ArticleView> article(String id) {
        return onOwner(Names.ARTICLE_STORE, id, () -> {
            ArticleState state = this.<String, ArticleState>store(Names.ARTICLE_STORE).get(id);
            if (state == null) {
                return new QueryResult.NotFound<>("no article with id '" + id + "'");
            }
            Extraction extraction = state.extraction();
            return new QueryResult.Found<>(new ArticleView(
                    state.id(), state.title(), state.url(), state.source(), state.author(),
                    Instant.ofEpochMilli(state.eventTime()), extraction.taxonomyVersion(),
                    extraction.themes(), extraction.evidence(), extraction.entities()));
        });
    }

    private static List<EntityCount> counts(EntityTally tally) {
        List<EntityCount> counts = new ArrayList<>(tally.byType().size());
        for (Map.Entry<EntityType, Tally> e : tally.byType().entrySet()) {
            counts.add(new EntityCount(tally.name(), e.getKey(), e.getValue().articles(), e.getValue().mentions()));
        }
        return counts;
    }

    /** Answers locally if this instance hosts the key's active partition, else names the owner. */
    private <T> QueryResult<T> onOwner(String storeName, String key, Supplier<QueryResult<T>> local) {
        return guarded(() -> {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(storeName, key, Serdes.String().serializer());
            if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
                return new QueryResult.Unavailable<>("no instance hosts '" + storeName + "' yet");
            }
            HostInfo owner = metadata.activeHost();
            if (!owner.equals(self)) {
                return new QueryResult.OwnedByOther<>(new Instance(owner.host(), owner.port()));
            }
            return local.get();
        });
    }

    private <T> QueryResult<T> guarded(Supplier<QueryResult<T>> query) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new QueryResult.Unavailable<>("streams app is " + streams.state());
        }
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            return new QueryResult.Unavailable<>("state stores are not queryable right now (rebalancing or restoring)");
        }
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
    }
}
