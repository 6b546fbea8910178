package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractorTest {

    @Test
    void shouldGiveEqualExtractionsForEqualArticles() {
        SeedArticle seed = SeedArticle.load("000_945879bacdbee9c1.txt");
        Extraction first = Extractor.withDefaultTaxonomy().extract(seed.title(), seed.body());
        Extraction second = Extractor.withDefaultTaxonomy().extract(seed.title(), new String(seed.body()));
        assertNotSame(first, second);
        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
    }

    @Test
    void shouldExtractTheSameAfterTheThreadsLexiconStartsAfresh() {
        Extractor extractor = Extractor.withDefaultTaxonomy();
        SeedArticle seed = SeedArticle.load("000_945879bacdbee9c1.txt");
        Extraction before = extractor.extract(seed.title(), seed.body());
        // 120,000 made-up words, in articles of 10,000, take the lexicon past its 100,000 forms.
        StringBuilder body = new StringBuilder();
        int word = 0;
        boolean restarted = false;
        for (int article = 0; article < 12; article++) {
            int sizeBefore = Lexicon.local().size();
            body.setLength(0);
            for (int k = 0; k < 10_000; k++, word++) {
                body.append(k % 2 == 0 ? " Zq" : " zq").append(Integer.toString(word, 26).replace('0', 'x')).append(k % 15 == 14 ? "." : "");
            }
            extractor.extract(null, body.toString());
            restarted |= Lexicon.local().size() < sizeBefore;
        }
        assertTrue(restarted, "the lexicon started afresh");
        assertEquals(before, extractor.extract(seed.title(), seed.body()));
    }

    @Test
    void shouldAcceptANullOrBlankTitle() {
        Extractor extractor = Extractor.withDefaultTaxonomy();
        assertEquals(extractor.extract(null, "A data leak."), extractor.extract("  ", "A data leak."));
        assertEquals(Map.of("leaks", 1), extractor.extract(null, "A data leak.").themes());
    }

    @Test
    void shouldReturnNothingButTheTaxonomyVersionForAnEmptyBody() {
        Extraction extraction = Extractor.withDefaultTaxonomy().extract(null, "");
        assertEquals(new Extraction(new java.util.TreeMap<>(), List.of(), "2", new java.util.TreeMap<>()), extraction);
    }

    @Test
    void shouldStampTheTaxonomyVersionOnEveryExtraction() {
        assertEquals("7", new Extractor(Taxonomy.parse("version: 7\nthemes:\n  leaks: [leak]\n", "t.yaml"))
                .extract(null, "A leak.").taxonomyVersion());
    }

    @Test
    void shouldGiveEachThemeItsOffsetsIntoTitleAndBodyAndASnippet() {
        Extractor extractor = new Extractor(Taxonomy.parse("themes:\n  leaks: [leak, data leak]\n", "t.yaml"));
        String title = "Leak at the bank";
        String body = "Nothing happened on Monday.\nThen a data leak, and another leak.";
        Extraction extraction = extractor.extract(title, body);
        String text = title + "\n" + body;
        ThemeEvidence evidence = extraction.evidence().get("leaks");
        assertEquals(List.of(0, text.indexOf("data leak"), text.indexOf("another leak") + "another ".length()),
                evidence.offsets());
        assertEquals("Leak at the bank", evidence.snippet());
        assertEquals(Map.of("leaks", 3), extraction.themes());
        assertEquals(List.of(body.indexOf("data leak")),
                extractor.extract(null, body).evidence().get("leaks").offsets().subList(0, 1), "without a title, body offsets");
    }

    @Test
    void shouldKeepAtMostFiveOffsetsAndAShortSnippetAroundTheFirstMatch() {
        Extractor extractor = new Extractor(Taxonomy.parse("themes:\n  leaks: [leak]\n", "t.yaml"));
        String body = "word ".repeat(100) + "a leak " + "word ".repeat(100) + " leak leak leak leak leak leak";
        ThemeEvidence evidence = extractor.extract(null, body).evidence().get("leaks");
        assertEquals(5, evidence.offsets().size());
        assertEquals(body.indexOf("leak"), evidence.offsets().get(0));
        assertTrue(evidence.snippet().length() <= ThemeEvidence.SNIPPET_LENGTH + 2, evidence.snippet());
        assertTrue(evidence.snippet().startsWith("…") && evidence.snippet().endsWith("…"), evidence.snippet());
        assertTrue(evidence.snippet().contains("a leak"), evidence.snippet());
    }

    @Test
    void shouldRoundTripThroughJson() throws Exception {
        SeedArticle seed = SeedArticle.load("001_793c6768dc07fa76.txt");
        Extraction extraction = Extractor.withDefaultTaxonomy().extract(seed.title(), seed.body());
        String json = io.topictracker.article.Json.mapper().writeValueAsString(extraction);
        assertEquals(extraction, io.topictracker.article.Json.mapper().readValue(json, Extraction.class));
        Extraction old = io.topictracker.article.Json.mapper().readValue(
                "{\"themes\":{\"leaks\":2},\"entities\":[{\"name\":\"Rachel Kim\",\"type\":\"PERSON\",\"mentions\":1}]}",
                Extraction.class);
        assertEquals(new Extraction(new java.util.TreeMap<>(Map.of("leaks", 2)),
                List.of(new EntityMention("Rachel Kim", EntityType.PERSON, 1))), old, "stored before versions existed");
    }

    @Test
    void shouldRejectANullBody() {
        assertThrows(NullPointerException.class, () -> Extractor.withDefaultTaxonomy().extract("Title", null));
    }

    @Test
    void shouldExplainWhichPhrasesMatched() {
        assertEquals(List.of("data leak -> [leaks]", "memori leak -> (ignored)", "open sourc -> [open-source]"),
                Extractor.withDefaultTaxonomy().explainThemes(null, "A data leak. A memory leak. Open-source code."));
    }

    @Test
    void shouldKeepItsTaxonomy() {
        Taxonomy taxonomy = Taxonomy.parse("themes:\n  leaks: [leak]\n", "t.yaml");
        assertEquals(taxonomy, new Extractor(taxonomy).taxonomy());
    }
}
