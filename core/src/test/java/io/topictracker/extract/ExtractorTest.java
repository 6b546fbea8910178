package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void shouldAcceptANullOrBlankTitle() {
        Extractor extractor = Extractor.withDefaultTaxonomy();
        assertEquals(extractor.extract(null, "A data leak."), extractor.extract("  ", "A data leak."));
        assertEquals(Map.of("leaks", 1), extractor.extract(null, "A data leak.").themes());
    }

    @Test
    void shouldReturnNothingForAnEmptyBody() {
        assertEquals(Extraction.EMPTY, Extractor.withDefaultTaxonomy().extract(null, ""));
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
