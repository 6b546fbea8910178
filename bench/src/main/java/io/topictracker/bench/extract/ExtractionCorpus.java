package io.topictracker.bench.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The extraction benchmarks' articles: each {@code .txt} file of some directories, first line the title. */
record ExtractionCorpus(List<String[]> articles, long chars) {

    /** The gold-set news articles and the seeds, as the extraction benchmarks read them. */
    static final String DEFAULT = "seeds,core/src/test/resources/gold/articles";

    /** The articles of {@code dirs} (comma-separated, relative to the working directory), in file name order. */
    static ExtractionCorpus read(String dirs) {
        List<String[]> articles = new ArrayList<>();
        long chars = 0;
        for (String dir : dirs.split(",")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8).stripLeading();
                    int newline = text.indexOf('\n');
                    articles.add(new String[] {text.substring(0, newline).strip(), text.substring(newline + 1)});
                    chars += text.length();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("run from the repository root: " + e.getMessage(), e);
            }
        }
        return new ExtractionCorpus(articles, chars);
    }
}
