package io.topictracker.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.topictracker.article.Json;
import io.topictracker.extract.EntityType;
import io.topictracker.extract.Extractor;
import io.topictracker.query.Instance;
import io.topictracker.query.Tally;
import io.topictracker.streams.app.StreamsSettings;
import io.topictracker.streams.count.EntityTally;
import io.topictracker.streams.ingest.DeadLetterHeaders;
import io.topictracker.streams.serde.EntityRank;
import io.topictracker.streams.serde.ThemeHour;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counting model on the real topology, driven record by record with {@link TopologyTestDriver}. */
class TrackerTopologyTest {

    private static final Extractor EXTRACTOR = Extractor.withDefaultTaxonomy();
    private static final Instant T0 = Instant.parse("2024-02-06T10:15:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> articles;
    private TestOutputTopic<String, byte[]> deadLetters;
    private KeyValueStore<String, Tally> themeCounts;
    private KeyValueStore<ThemeHour, Tally> timeline;
    private KeyValueStore<String, EntityTally> entityCounts;

    @BeforeEach
    void startDriver() {
        StreamsSettings settings = StreamsSettings.defaults("unused:9092", stateDir, new Instance("localhost", 8080));
        driver = new TopologyTestDriver(TrackerTopology.build(TopologySettings.defaults(EXTRACTOR), settings.toProperties()), settings.toProperties());
        articles = driver.createInputTopic(Topics.ARTICLES.name(), new StringSerializer(), new ByteArraySerializer());
        deadLetters = driver.createOutputTopic(Topics.ARTICLES_DLQ.name(), new StringDeserializer(), new ByteArrayDeserializer());
        themeCounts = driver.getKeyValueStore(Names.THEME_COUNT_STORE);
        timeline = driver.getKeyValueStore(Names.THEME_TIMELINE_STORE);
        entityCounts = driver.getKeyValueStore(Names.ENTITY_COUNT_STORE);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldCountEachThemeOncePerArticleWithAllItsMentions() {
        publish("a1", "Leak week", "A leak, then another leak: security teams are busy.", T0);
        publish("a2", "Quiet", "The security review found nothing.", T0);

        assertEquals(new Tally(1, 3), themeCounts.get("leaks"), "title + two body mentions, one article");
        assertEquals(new Tally(2, 2), themeCounts.get("security"));
    }

    @Test
    void shouldNotChangeAnyCountWhenAnArticleIsResent() {
        publish("a1", "Leak", "A data leak hit the security team.", T0);
        Map<String, Tally> before = themes();
        Map<String, EntityTally> entitiesBefore = entities();
        assertEquals(new Tally(1, 2), before.get("leaks"));

        publish("a1", "Leak", "A data leak hit the security team.", T0);
        publish("a1", "Leak", "A data leak hit the security team.", T0);

        assertEquals(before, themes());
        assertEquals(entitiesBefore, entities());
    }

    @Test
    void shouldReplaceTheOldContributionWhenAnArticleIsEdited() {
        publish("a1", "Leak", "A data leak hit the security team.", T0);
        publish("a2", "Other", "Another security story.", T0);

        publish("a1", "Open source", "The project went open source.", T0);

        assertNull(themeCounts.get("leaks"), "a theme the article no longer mentions drops to nothing");
        assertEquals(new Tally(1, 1), themeCounts.get("security"));
        assertEquals(new Tally(1, 2), themeCounts.get("open-source"));
    }

    @Test
    void shouldRemoveTheContributionOnTombstoneAndLeaveNoZeroRows() {
        publish("a1", "Leak", "A data leak hit the security team.", T0);
        articles.pipeInput("a1", null, T0);

        assertEquals(Map.of(), themes(), "no theme left, not even at 0 (KAFKA-16575)");
        assertEquals(Map.of(), timelineRows());
        assertEquals(Map.of(), entities());
    }

    @Test
    void shouldIgnoreTombstoneOfUnknownArticle() {
        publish("a1", "Leak", "A data leak.", T0);
        articles.pipeInput("never-seen", null, T0);

        assertEquals(new Tally(1, 2), themeCounts.get("leaks"));
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void shouldMoveTheTimelineBucketWhenPublishedAtChanges() {
        Instant later = T0.plusSeconds(3 * 3600);
        publish("a1", "Leak", "A data leak.", T0);
        publish("a1", "Leak", "A data leak.", later);

        assertEquals(new Tally(1, 2), themeCounts.get("leaks"), "all-time count unchanged by a move");
        assertNull(timeline.get(new ThemeHour("leaks", ThemeHour.hourOf(T0.toEpochMilli()))));
        assertEquals(new Tally(1, 2), timeline.get(new ThemeHour("leaks", ThemeHour.hourOf(later.toEpochMilli()))));
    }

    @Test
    void shouldUseTheRecordTimestampWhenPublishedAtIsMissing() {
        Instant recordTime = Instant.parse("2023-05-01T08:30:00Z");
        articles.pipeInput("a1", json(Map.of("title", "Leak", "body", "A data leak.")), recordTime);

        assertEquals(new Tally(1, 2), timeline.get(new ThemeHour("leaks", ThemeHour.hourOf(recordTime.toEpochMilli()))));
    }

    @Test
    void shouldKeyRecordsWithoutKeyByTheirIdSoALaterKeyedVersionReplacesThem() {
        articles.pipeInput(null, json(Map.of("id", "a1", "title", "Leak", "body", "A data leak.")), T0);
        articles.pipeInput(null, json(Map.of("id", "a1", "title", "Leak", "body", "A data leak.")), T0);
        assertEquals(new Tally(1, 2), themeCounts.get("leaks"));

        articles.pipeInput("a1", null, T0);
        assertNull(themeCounts.get("leaks"));
    }

    @Test
    void shouldSendMalformedRecordsToTheDeadLetterTopicWithTheReasonAndKeepCounting() {
        publish("good", "Leak", "A data leak.", T0);
        Map<String, Tally> before = themes();
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("not-json", "this is not json".getBytes(StandardCharsets.UTF_8));
        bad.put("array", "[1,2]".getBytes(StandardCharsets.UTF_8));
        bad.put("no-body", "{\"title\":\"t\"}".getBytes(StandardCharsets.UTF_8));
        bad.put("blank-body", "{\"title\":\"t\",\"body\":\"  \"}".getBytes(StandardCharsets.UTF_8));
        bad.put("wrong-type", "{\"title\":7,\"body\":\"leak\"}".getBytes(StandardCharsets.UTF_8));
        bad.put("bad-date", "{\"body\":\"leak\",\"publishedAt\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8));
        bad.put("bad-utf8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bad.forEach((key, value) -> articles.pipeInput(key, value, T0));
        articles.pipeInput(null, null, T0);

        List<TestRecord<String, byte[]>> rejected = deadLetters.readRecordsToList();
        assertEquals(bad.size() + 1, rejected.size());
        Map<String, String> reasons = new HashMap<>();
        for (TestRecord<String, byte[]> r : rejected) {
            reasons.put(r.key(), header(r, DeadLetterHeaders.REASON));
            assertEquals(Topics.ARTICLES.name(), header(r, DeadLetterHeaders.TOPIC));
            assertEquals("0", header(r, DeadLetterHeaders.PARTITION));
            if (r.key() != null) {
                assertEquals(new String(bad.get(r.key()), StandardCharsets.ISO_8859_1),
                        new String(r.value(), StandardCharsets.ISO_8859_1), "original bytes kept");
            }
        }
        assertTrue(reasons.get("not-json").startsWith("value is not JSON"), reasons.get("not-json"));
        assertEquals("value must be a JSON object, got array", reasons.get("array"));
        assertEquals("field 'body' is missing", reasons.get("no-body"));
        assertEquals("field 'body' is blank", reasons.get("blank-body"));
        assertEquals("field 'title' must be a string", reasons.get("wrong-type"));
        assertTrue(reasons.get("bad-date").startsWith("field 'publishedAt' is not an ISO-8601"));
        assertEquals("value is not valid UTF-8", reasons.get("bad-utf8"));
        assertTrue(reasons.get(null).startsWith("tombstone (null value) without a key"));
        assertEquals(before, themes(), "rejects change no count");
    }

    @Test
    void shouldDeadLetterValuesOverTheSizeLimitWithABoundedPrefixNotTruncateThem() {
        byte[] huge = json(Map.of("title", "Leak", "body", "leak ".repeat(300_000)));
        articles.pipeInput("huge", huge, T0);

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertEquals("value is " + huge.length + " bytes, over the limit of 1048576 bytes", header(dead, DeadLetterHeaders.REASON));
        assertEquals(Integer.toString(huge.length), header(dead, DeadLetterHeaders.ORIGINAL_BYTES));
        assertEquals(TopologySettings.DEFAULT_MAX_ARTICLE_BYTES, dead.value().length);
        assertEquals(Map.of(), themes(), "nothing counted from a rejected article");
    }

    @Test
    void shouldCountEntitiesAndRemoveThemWithTheirLastArticle() {
        publish("a1", "OpenAI and Google", "OpenAI said on Monday that Google had hired staff. OpenAI declined to comment.", T0);
        publish("a2", "Google", "Google shipped a release.", T0);

        EntityTally google = entityCounts.get("google");
        assertEquals("Google", google.name());
        assertEquals(2, google.byType().get(EntityType.ORG).articles());

        articles.pipeInput("a1", null, T0);
        assertNull(entityCounts.get("openai"));
        assertEquals(1, entityCounts.get("google").byType().get(EntityType.ORG).articles());
    }

    @Test
    void shouldKeepTheEntityRankIndexInStepWithTheCounts() {
        publish("a1", "OpenAI", "OpenAI said Google and Microsoft talked. OpenAI agreed.", T0);
        publish("a2", "Google", "Google and Microsoft shipped. Google said so.", T0);
        publish("a3", "Microsoft", "Microsoft hired staff from OpenAI.", T0);
        publish("a2", "Google", "Google shipped alone.", T0);
        articles.pipeInput("a3", null, T0);

        Map<EntityRank, String> expected = new HashMap<>();
        entities().forEach((key, tally) -> tally.byType().forEach((type, t) ->
                expected.put(new EntityRank(type, t.articles(), t.mentions(), tally.name()), key)));
        KeyValueStore<EntityRank, String> rank = driver.getKeyValueStore(Names.ENTITY_RANK_STORE);
        assertEquals(expected, all(rank), "one rank row per (entity, type), none stale");
        assertTrue(expected.size() >= 3, "the scenario produced entities: " + expected);

        List<EntityRank> ordered = new ArrayList<>();
        try (KeyValueIterator<EntityRank, String> rows = rank.all()) {
            rows.forEachRemaining(row -> ordered.add(row.key));
        }
        for (int i = 1; i < ordered.size(); i++) {
            EntityRank a = ordered.get(i - 1);
            EntityRank b = ordered.get(i);
            assertTrue(a.type().compareTo(b.type()) < 0 || (a.type() == b.type() && a.articles() >= b.articles()),
                    "rows ordered by type, then most articles first: " + ordered);
        }
    }

    private void publish(String id, String title, String body, Instant publishedAt) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("title", title);
        event.put("body", body);
        event.put("publishedAt", publishedAt.toString());
        articles.pipeInput(id, json(event), Instant.now());
    }

    private static byte[] json(Map<String, String> event) {
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Tally> themes() {
        return all(themeCounts);
    }

    private Map<ThemeHour, Tally> timelineRows() {
        return all(timeline);
    }

    private Map<String, EntityTally> entities() {
        return all(entityCounts);
    }

    private static <K, V> Map<K, V> all(KeyValueStore<K, V> store) {
        Map<K, V> rows = new HashMap<>();
        try (KeyValueIterator<K, V> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<K, V> row = it.next();
                rows.put(row.key, row.value);
            }
        }
        return rows;
    }
}
