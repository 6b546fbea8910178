package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Extraction quality measured on the hand-annotated gold set (the four seeds and 25 real news
 * articles, {@code src/test/resources/gold/}): precision, recall and F1 per entity type (a name counts
 * only with the right type) and for themes. The floors are the figures reached when the extractor was
 * last tuned, rounded down, so a change that makes extraction worse fails here; raise them when it
 * gets better. {@code -Dgold.verbose=true} prints every false positive and negative.
 */
class GoldSetTest {

    private static final Extractor EXTRACTOR = Extractor.withDefaultTaxonomy();
    private static List<GoldSet.Article> articles;
    private static GoldSet.Score all;
    private static GoldSet.Score seeds;

    @BeforeAll
    static void score() {
        articles = GoldSet.load();
        all = GoldSet.score(EXTRACTOR, articles);
        seeds = GoldSet.score(EXTRACTOR, articles.stream().filter(GoldSet.Article::seed).toList());
        StringBuilder report = new StringBuilder("gold set, " + articles.size() + " articles\n");
        for (Map.Entry<EntityType, GoldSet.Counts> e : all.byType().entrySet()) {
            report.append(String.format("  %-8s %s%n", e.getKey(), e.getValue()));
        }
        report.append(String.format("  %-8s %s%n", "entities", all.entities()));
        report.append(String.format("  %-8s %s%n", "themes", all.themes()));
        report.append(String.format("  seeds: entities %s; themes %s%n", seeds.entities(), seeds.themes()));
        if (Boolean.getBoolean("gold.verbose")) {
            all.errors().forEach(e -> report.append("    ").append(e).append('\n'));
        }
        System.out.print(report);
    }

    @Test
    void shouldScoreTwentyNineArticlesWithOverFourHundredAnnotatedNames() {
        assertEquals(29, articles.size());
        assertTrue(all.entities().tp() + all.entities().fn() >= 400, all.entities().toString());
    }

    @Test
    void shouldKeepTypedEntityF1OnTheGoldSetAtLeastWhereItWas() {
        GoldSet.Counts entities = all.entities();
        assertTrue(entities.f1() >= 0.88, entities.toString());
        assertTrue(entities.precision() >= 0.94, entities.toString());
        assertTrue(entities.recall() >= 0.84, entities.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ORG, 0.86", "PERSON, 0.94", "PRODUCT, 0.79", "PLACE, 0.92"})
    void shouldKeepEachEntityTypesF1AtLeastWhereItWas(EntityType type, double floor) {
        GoldSet.Counts counts = all.byType().get(type);
        assertTrue(counts.f1() >= floor, type + " " + counts);
    }

    @Test
    void shouldKeepThemeF1OnTheGoldSetAtLeastWhereItWas() {
        GoldSet.Counts themes = all.themes();
        assertTrue(themes.f1() >= 0.91, themes.toString());
        assertTrue(themes.precision() >= 0.88, themes.toString());
        assertTrue(themes.recall() >= 0.95, themes.toString());
    }

    @Test
    void shouldFindEveryNameACarefulReaderMarksInTheSeedsWithTheRightTypeAndNothingElse() {
        // The bar: at least 24 names found with the right type, at least 75% of typed output real.
        GoldSet.Counts counts = seeds.entities();
        assertEquals(24, counts.tp() + counts.fn(), "names a careful reader marks in the seeds' article text");
        assertTrue(counts.tp() >= 24, counts.toString());
        assertTrue(counts.precision() >= 0.95, counts.toString());
        assertEquals(1.0, seeds.themes().f1(), seeds.themes().toString());
    }
}
