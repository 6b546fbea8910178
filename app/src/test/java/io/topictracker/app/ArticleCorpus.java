package io.topictracker.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.topictracker.article.Article;
import io.topictracker.article.Json;
import io.topictracker.extract.EntityMention;
import io.topictracker.extract.Extraction;
import io.topictracker.extract.Extractor;
import io.topictracker.query.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A deterministic stream of article events for the fault-injection tests, and the counts it must
 * produce, computed independently of the pipeline.
 *
 * <p>Events are new articles, identical re-sends, edits (new title, body and publication time),
 * tombstones of live articles, tombstones of unknown ids and re-creations of deleted ids, drawn
 * from a seeded {@link Random}. Bodies are sentences built from the default taxonomy's phrases and
 * the built-in gazetteer's names, so every article contributes themes and entities.
 *
 * <p>The truth is what the counting model promises: for the last version of every article that is
 * not deleted, the extractor's themes and entities, summed per theme and per (case-folded name,
 * type), with one article counted once however often it names something. Only the extractor is
 * shared with the pipeline; the diff, the deltas and the stores are not.
 */
final class ArticleCorpus {

    /** One record for the {@code articles} topic: key = id, value = article or null (tombstone). */
    record Event(String id, Article article) {

        boolean isTombstone() {
            return article == null;
        }

        /** The value bytes in the documented wire format, built here rather than by the app's encoder. */
        byte[] value() {
            if (article == null) {
                return null;
            }
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("id", article.id());
            if (article.title() != null) {
                json.put("title", article.title());
            }
            json.put("body", article.body());
            json.put("url", article.url());
            json.put("source", article.source());
            json.put("author", article.author());
            json.put("publishedAt", article.publishedAt().toString());
            return json.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Counts by theme, by (key, type) entity and by (theme, UTC day), plus each live article's extraction. */
    record Truth(Map<String, Tally> themes, Map<String, Tally> entities, Map<String, Map<Instant, Tally>> themeDays,
            Map<String, Extraction> live, List<String> deleted) {}

    static final Instant FIRST_DAY = Instant.parse("2024-01-01T00:00:00Z");
    static final int DAYS = 20;

    private static final String[] TEMPLATES = {
        "%s said the %s was a concern for %s.",
        "Analysts at %s expect more %s this year, according to %s.",
        "The report on %s mentions %s twice and %s once.",
        "In a statement, %s called %s a priority while %s disagreed.",
        "%s: why %s matters to %s.",
        "Critics of %s point to %s and to %s.",
    };
    private static final String[] FILLER = {
        "The meeting ended without a decision.",
        "Officials declined to comment further on Tuesday.",
        "More details are expected next week.",
        "It was not clear how many people were affected.",
        "The company published a short note on its website.",
    };

    private final List<Event> events;
    private final Truth truth;
    private final int stateChanges;

    private ArticleCorpus(List<Event> events, Truth truth, int stateChanges) {
        this.events = events;
        this.truth = truth;
        this.stateChanges = stateChanges;
    }

    /** About {@code count} events from {@code seed}; the same arguments always give the same corpus. */
    static ArticleCorpus generate(long seed, int count, Extractor extractor) {
        Random random = new Random(seed);
        List<String> phrases = new ArrayList<>();
        extractor.taxonomy().themes().values().forEach(phrases::addAll);
        List<String> names = gazetteerNames(random);

        List<Event> events = new ArrayList<>(count);
        Map<String, Article> current = new LinkedHashMap<>();
        List<String> liveIds = new ArrayList<>();
        List<String> deletedIds = new ArrayList<>();
        int stateChanges = 0;
        int nextId = 0;
        int version = 0;
        while (events.size() < count) {
            double roll = random.nextDouble();
            if (roll < 0.45 || liveIds.size() < 10) {
                String id = String.format(Locale.ROOT, "art-%05d", nextId++);
                Article article = article(id, version++, random, phrases, names);
                current.put(id, article);
                liveIds.add(id);
                events.add(new Event(id, article));
                stateChanges++;
            } else if (roll < 0.62) {
                String id = liveIds.get(random.nextInt(liveIds.size()));
                events.add(new Event(id, current.get(id))); // identical re-send
            } else if (roll < 0.84) {
                String id = liveIds.get(random.nextInt(liveIds.size()));
                Article edited = article(id, version++, random, phrases, names);
                current.put(id, edited);
                events.add(new Event(id, edited));
                stateChanges++;
            } else if (roll < 0.95) {
                String id = liveIds.remove(random.nextInt(liveIds.size()));
                current.remove(id);
                deletedIds.add(id);
                events.add(new Event(id, null));
                stateChanges++;
            } else if (roll < 0.975 && !deletedIds.isEmpty()) {
                String id = deletedIds.remove(random.nextInt(deletedIds.size()));
                Article reborn = article(id, version++, random, phrases, names);
                current.put(id, reborn);
                liveIds.add(id);
                events.add(new Event(id, reborn));
                stateChanges++;
            } else {
                events.add(new Event("ghost-" + random.nextInt(1_000_000), null)); // delete of an unknown id: a no-op
            }
        }
        return new ArticleCorpus(List.copyOf(events), truthOf(current, deletedIds, extractor), stateChanges);
    }

    List<Event> events() {
        return events;
    }

    Truth truth() {
        return truth;
    }

    /** Events that change the article store (new, edited, deleted, re-created), i.e. its changelog writes. */
    int stateChanges() {
        return stateChanges;
    }

    static String entityKey(String name, String type) {
        return name.strip().toLowerCase(Locale.ROOT) + "/" + type;
    }

    private static Truth truthOf(Map<String, Article> live, List<String> deleted, Extractor extractor) {
        Map<String, Tally> themes = new TreeMap<>();
        Map<String, Tally> entities = new TreeMap<>();
        Map<String, Map<Instant, Tally>> themeDays = new TreeMap<>();
        Map<String, Extraction> extractions = new TreeMap<>();
        for (Article article : live.values()) {
            Extraction extraction = extractor.extract(article.title(), article.body());
            extractions.put(article.id(), extraction);
            Instant day = article.publishedAt().truncatedTo(ChronoUnit.DAYS);
            extraction.themes().forEach((theme, mentions) -> {
                themes.merge(theme, new Tally(1, mentions), ArticleCorpus::sum);
                themeDays.computeIfAbsent(theme, t -> new TreeMap<>()).merge(day, new Tally(1, mentions), ArticleCorpus::sum);
            });
            // One article counts once per (name, type), however many spellings of the name it uses.
            Map<String, Long> mentionsByKey = new LinkedHashMap<>();
            for (EntityMention mention : extraction.entities()) {
                mentionsByKey.merge(entityKey(mention.name(), mention.type().name()), (long) mention.mentions(), Long::sum);
            }
            mentionsByKey.forEach((key, mentions) -> entities.merge(key, new Tally(1, mentions), ArticleCorpus::sum));
        }
        return new Truth(Collections.unmodifiableMap(themes), Collections.unmodifiableMap(entities),
                Collections.unmodifiableMap(themeDays), Collections.unmodifiableMap(extractions), List.copyOf(deleted));
    }

    private static Tally sum(Tally a, Tally b) {
        return a.plus(b.articles(), b.mentions());
    }

    private static Article article(String id, int version, Random random, List<String> phrases, List<String> names) {
        String title = random.nextInt(10) == 0 ? null
                : capitalize(pick(random, phrases)) + " and " + pick(random, names) + " (v" + version + ")";
        StringBuilder body = new StringBuilder();
        int sentences = 3 + random.nextInt(10);
        for (int i = 0; i < sentences; i++) {
            if (random.nextInt(4) == 0) {
                body.append(pick(random, FILLER));
            } else {
                String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
                body.append(String.format(Locale.ROOT, template, pick(random, names), pick(random, phrases), pick(random, names)));
            }
            body.append(random.nextInt(3) == 0 ? "\n\n" : " ");
        }
        Instant publishedAt = FIRST_DAY.plus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
        return new Article(id, title, body.toString().strip(), "https://news.example/" + id + "/v" + version,
                "source-" + random.nextInt(5), "Author " + random.nextInt(20), publishedAt);
    }

    /** 150 names or aliases of the built-in gazetteer (weak forms left out), chosen by the seed. */
    private static List<String> gazetteerNames(Random random) {
        List<String> names = new ArrayList<>();
        try (InputStream in = Extractor.class.getResourceAsStream("/entities.tsv")) {
            if (in == null) {
                throw new IllegalStateException("entities.tsv not on the class path");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                List<String> forms = new ArrayList<>();
                forms.add(columns[0]);
                if (columns.length > 2) {
                    forms.addAll(List.of(columns[2].split("\\|")));
                }
                forms.stream().map(String::strip).filter(f -> !f.isEmpty() && !f.startsWith("~")).forEach(names::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.shuffle(names, random);
        return List.copyOf(names.subList(0, Math.min(150, names.size())));
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String pick(Random random, List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String capitalize(String phrase) {
        return phrase.isEmpty() ? phrase : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
