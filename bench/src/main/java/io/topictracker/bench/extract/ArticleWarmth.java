package io.topictracker.bench.extract;

import io.topictracker.bench.BenchFlags;
import io.topictracker.extract.Extractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Why an article costs what it does: extraction CPU time per KB of each article of the corpus when
 * it comes cold (after the other articles, as in a stream), right after an untimed extraction of
 * the same article, and right after one of the same lines with each line's words shuffled. The
 * shuffled text has the same word forms and names, so it warms the same lexemes and tables, but
 * sends the code down other branches: if "shuffled" is as slow as "cold" while "same" is fast, what
 * an article costs is the CPU's branch predictions on new text, not data out of cache. Rounds
 * alternate the three, so a busy machine's drift falls on all alike. Figures: docs/BENCHMARKS.md.
 */
public final class ArticleWarmth {

    @Command(name = "article-warmth", description = "Extraction CPU µs/KB of articles that come cold, after"
            + " themselves, or after their own words shuffled.")
    static final class Flags {
        @Option(names = "--rounds", defaultValue = "5", description = "rounds of the three (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--passes", defaultValue = "100",
                description = "corpus passes per figure (default ${DEFAULT-VALUE})")
        int passes;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] MODES = {"cold", "same", "shuffled"};

    private ArticleWarmth() {}

    public static void main(String[] args) {
        Flags flags = BenchFlags.parse(new Flags(), args);
        ExtractionCorpus corpus = ExtractionCorpus.read(ExtractionCorpus.DEFAULT);
        List<String[]> articles = corpus.articles();
        List<String[]> shuffled = shuffled(articles, new Random(1));
        Extractor extractor = Extractor.withDefaultTaxonomy();
        for (int pass = 0; pass < 300; pass++) { // warm-up: JIT, lexicon
            for (int i = 0; i < articles.size(); i++) {
                extract(extractor, articles.get(i));
                extract(extractor, shuffled.get(i));
            }
        }
        double[][] figures = new double[MODES.length][flags.rounds];
        for (int round = 0; round < flags.rounds; round++) {
            for (int mode = 0; mode < MODES.length; mode++) {
                long nanos = 0;
                for (int pass = 0; pass < flags.passes; pass++) {
                    for (int i = 0; i < articles.size(); i++) {
                        if (mode > 0) {
                            extract(extractor, mode == 1 ? articles.get(i) : shuffled.get(i));
                        }
                        long start = THREADS.getCurrentThreadCpuTime();
                        extract(extractor, articles.get(i));
                        nanos += THREADS.getCurrentThreadCpuTime() - start;
                    }
                }
                figures[mode][round] = nanos / 1000.0 / flags.passes / (corpus.chars() / 1024.0);
            }
            System.out.printf(Locale.ROOT, "round %d  cold %5.2f  same %5.2f  shuffled %5.2f µs/KB%n", round + 1,
                    figures[0][round], figures[1][round], figures[2][round]);
        }
        for (int mode = 0; mode < MODES.length; mode++) {
            double[] sorted = figures[mode].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%-8s median %.2f µs/KB (%.2f–%.2f)%n", MODES[mode], sorted[sorted.length / 2],
                    sorted[0], sorted[sorted.length - 1]);
        }
    }

    private static volatile Object sink;

    private static void extract(Extractor extractor, String[] article) {
        sink = extractor.extract(article[0], article[1]);
    }

    /** Each article with the words of each line of its body in random order. */
    private static List<String[]> shuffled(List<String[]> articles, Random random) {
        List<String[]> out = new ArrayList<>();
        for (String[] article : articles) {
            StringBuilder body = new StringBuilder();
            for (String line : article[1].split("\n", -1)) {
                List<String> words = new ArrayList<>(Arrays.asList(line.split(" ")));
                Collections.shuffle(words, random);
                body.append(String.join(" ", words)).append('\n');
            }
            out.add(new String[] {article[0], body.toString()});
        }
        return out;
    }
}
