package io.topictracker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.topictracker.article.Article;
import io.topictracker.article.Json;
import io.topictracker.extract.Extraction;
import io.topictracker.extract.Extractor;
import io.topictracker.producer.source.ArticleSources;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code topic-tracker extract}: runs the pipeline's extractor on files, without Kafka, printing one
 * JSON line per article (id, title, the file it came from, taxonomy version, themes with their
 * evidence, entities with type and mentions): the same code the topology runs, for trying a taxonomy
 * offline.
 */
@Command(name = "extract", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Print the themes (with evidence) and entities extracted from each article as one JSON line (no Kafka needed).",
            "Reads the same formats as 'produce'."})
public final class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TaxonomyOption taxonomy;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, directories, or - for standard input.")
    List<String> paths;

    @Override
    public Integer call() {
        Extractor extractor = taxonomy.extractor();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtomicInteger printed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        ArticleSources.forEach(paths, System.in, sourced -> {
            out.println(line(sourced.article(), sourced.origin(), extractor.extract(sourced.article().title(), sourced.article().body())));
            printed.incrementAndGet();
        }, problem -> {
            skipped.incrementAndGet();
            err.println("skipped " + problem.describe());
        });
        out.flush();
        if (printed.get() == 0) {
            return 2;
        }
        return skipped.get() == 0 ? 0 : 1;
    }

    private static String line(Article article, String origin, Extraction extraction) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", article.id());
        row.put("title", article.title());
        row.put("path", origin);
        row.put("taxonomyVersion", extraction.taxonomyVersion());
        row.put("themes", extraction.themes());
        // Why each theme counts: offsets into title + "\n" + body and the text around the first match.
        row.put("evidence", extraction.evidence());
        row.put("entities", extraction.entities());
        try {
            return Json.mapper().writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
