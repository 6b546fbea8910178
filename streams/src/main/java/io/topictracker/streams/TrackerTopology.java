package io.topictracker.streams;

import io.topictracker.article.Article;
import io.topictracker.extract.Extractor;
import io.topictracker.query.Tally;
import io.topictracker.streams.count.ArticleState;
import io.topictracker.streams.count.CountDelta;
import io.topictracker.streams.count.CountEntitiesProcessor;
import io.topictracker.streams.count.CountThemesProcessor;
import io.topictracker.streams.count.DiffContributionsProcessor;
import io.topictracker.streams.count.EntityDelta;
import io.topictracker.streams.count.EntityTally;
import io.topictracker.streams.count.ThemeDelta;
import io.topictracker.streams.ingest.DecodeArticleProcessor;
import io.topictracker.streams.ingest.DecodeOutcome;
import io.topictracker.streams.serde.ArticleSerde;
import io.topictracker.streams.serde.EntityRankSerde;
import io.topictracker.streams.serde.JsonSerde;
import io.topictracker.streams.serde.ThemeHourSerde;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the topic-tracker topology; a pure function of its settings and the streams properties.
 *
 * <pre>
 * articles ─▶ decode-articles ─┬─ rejected ─────────────────────────────────────▶ articles-dlq
 *                              ├─ unkeyed ─▶ articles-by-id (repartition) ─┐
 *                              └─ keyed ───────────────────────────────────┴▶ diff-contributions
 *   diff-contributions ─┬─ theme deltas ─▶ theme-deltas (repartition) ─▶ count-themes
 *                       └─ entity deltas ─▶ entity-deltas (repartition) ─▶ count-entities
 * </pre>
 *
 * <p>Topics: {@code articles} (String id → article JSON, null = delete), {@code articles-dlq}
 * (String → original bytes + {@code dlq.*} headers), and three repartition topics named in {@link
 * Names}. Stores (all persistent key-value, changelogged):
 *
 * <ul>
 *   <li>{@code article-extractions}: String article id → {@link ArticleState}
 *   <li>{@code theme-counts}: String theme → {@link Tally}
 *   <li>{@code theme-timeline}: {@link io.topictracker.streams.serde.ThemeHour} → {@link Tally}
 *   <li>{@code entity-counts}: String case-folded name → {@link EntityTally}
 *   <li>{@code entity-rank}: {@link io.topictracker.streams.serde.EntityRank} (type, counts, name) →
 *       String case-folded name; ordered by counts, so top N is a prefix read
 * </ul>
 */
public final class TrackerTopology {

    private TrackerTopology() {}

    public static Topology build(TopologySettings settings, Properties streamsProps) {
        Extractor extractor = settings.extractor();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.ARTICLE_STORE), Serdes.String(), new JsonSerde<>(ArticleState.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.THEME_COUNT_STORE), Serdes.String(), new JsonSerde<>(Tally.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.THEME_TIMELINE_STORE), new ThemeHourSerde(), new JsonSerde<>(Tally.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.ENTITY_COUNT_STORE), Serdes.String(), new JsonSerde<>(EntityTally.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(Names.ENTITY_RANK_STORE), new EntityRankSerde(), Serdes.String()));

        TopicSpec<String, byte[]> articles = Topics.ARTICLES;
        KStream<String, DecodeOutcome> decoded = builder
                .stream(articles.name(), Consumed.with(articles.keySerde(), articles.valueSerde()).withName(Names.READ_ARTICLES))
                .process(() -> new DecodeArticleProcessor(settings.maxArticleBytes()), Named.as(Names.DECODE_ARTICLES));

        Map<String, KStream<String, DecodeOutcome>> routes = decoded.split(Named.as(Names.ROUTE))
                .branch((id, outcome) -> outcome instanceof DecodeOutcome.Rejected, Branched.as(Names.REJECTED))
                .branch((id, outcome) -> outcome instanceof DecodeOutcome.Accepted a && a.rekeyed(), Branched.as(Names.UNKEYED))
                .defaultBranch(Branched.as(Names.KEYED));

        TopicSpec<String, byte[]> dlq = Topics.ARTICLES_DLQ;
        routes.get(Names.ROUTE + Names.REJECTED)
                .mapValues(outcome -> ((DecodeOutcome.Rejected) outcome).rawValue(), Named.as(Names.UNWRAP_REJECTED))
                .to(dlq.name(), Produced.with(dlq.keySerde(), dlq.valueSerde()).withName(Names.WRITE_DEAD_LETTERS));

        // Records without a key sit on an arbitrary partition: move them to the partition of their id.
        KStream<String, Article> unkeyed = routes.get(Names.ROUTE + Names.UNKEYED)
                .mapValues(outcome -> ((DecodeOutcome.Accepted) outcome).article(), Named.as(Names.UNWRAP_UNKEYED))
                .repartition(Repartitioned.with(Serdes.String(), new ArticleSerde()).withName(Names.ARTICLES_BY_ID));
        KStream<String, Article> keyed = routes.get(Names.ROUTE + Names.KEYED)
                .mapValues(TrackerTopology::articleOrDelete, Named.as(Names.UNWRAP_KEYED));

        Map<String, KStream<String, CountDelta>> deltas = keyed
                .merge(unkeyed, Named.as(Names.MERGE_ARTICLES))
                .process(() -> new DiffContributionsProcessor(extractor), Named.as(Names.DIFF_CONTRIBUTIONS), Names.ARTICLE_STORE)
                .split(Named.as(Names.SPLIT_DELTAS))
                .branch((key, delta) -> delta instanceof ThemeDelta, Branched.as(Names.THEME_DELTAS))
                .defaultBranch(Branched.as(Names.ENTITY_DELTAS));

        deltas.get(Names.SPLIT_DELTAS + Names.THEME_DELTAS)
                .mapValues(delta -> (ThemeDelta) delta, Named.as(Names.UNWRAP_THEME_DELTAS))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(ThemeDelta.class))
                        .withName(Names.THEME_DELTAS_BY_THEME))
                .process(CountThemesProcessor::new, Named.as(Names.COUNT_THEMES), Names.THEME_COUNT_STORE, Names.THEME_TIMELINE_STORE);

        deltas.get(Names.SPLIT_DELTAS + Names.ENTITY_DELTAS)
                .mapValues(delta -> (EntityDelta) delta, Named.as(Names.UNWRAP_ENTITY_DELTAS))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(EntityDelta.class))
                        .withName(Names.ENTITY_DELTAS_BY_NAME))
                .process(CountEntitiesProcessor::new, Named.as(Names.COUNT_ENTITIES), Names.ENTITY_COUNT_STORE, Names.ENTITY_RANK_STORE);

        return builder.build(streamsProps);
    }

    private static Article articleOrDelete(DecodeOutcome outcome) {
        return outcome instanceof DecodeOutcome.Accepted accepted ? accepted.article() : null;
    }
}
