package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.topictracker.article.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the extractor's exact output on the gold-set articles: each article whole, its body alone,
 * and each of its lines as an article of its own (which puts every page-clutter and heading rule to
 * work). {@link GoldSetTest} says whether extraction is good; this says whether a change meant to
 * be internal (a faster tokenizer, a new data structure) changed anything at all. To accept a change
 * on purpose, rerun with {@code -Dextraction.snapshot.update=true} and review the diff of
 * {@code extractions.snapshot}.
 */
class ExtractionSnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/gold/extractions.snapshot");

    @Test
    void shouldExtractExactlyWhatTheReviewedSnapshotHolds() throws IOException {
        Extractor extractor = Extractor.withDefaultTaxonomy();
        StringBuilder out = new StringBuilder();
        for (GoldSet.Article article : GoldSet.load()) {
            append(out, article.file(), extractor.extract(article.title(), article.body()));
            append(out, article.file() + " (body)", extractor.extract(null, article.body()));
            int n = 0;
            for (String line : article.body().split("\n")) {
                if (!line.isBlank()) {
                    append(out, article.file() + " line " + n, extractor.extract(null, line));
                }
                n++;
            }
        }
        String actual = out.toString();
        if (Boolean.getBoolean("extraction.snapshot.update")) {
            Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(SNAPSHOT, StandardCharsets.UTF_8), actual,
                "extraction output changed: review the diff and rerun with -Dextraction.snapshot.update=true to accept it");
    }

    private static void append(StringBuilder out, String label, Extraction extraction) throws JsonProcessingException {
        out.append(label).append('\t').append(Json.mapper().writeValueAsString(extraction)).append('\n');
    }
}
