package io.topictracker.bench.profile;

import io.topictracker.article.Article;
import io.topictracker.article.ArticleJson;
import io.topictracker.article.Json;
import io.topictracker.bench.BenchFlags;
import io.topictracker.bench.corpus.SyntheticCorpus;
import io.topictracker.extract.Extraction;
import io.topictracker.extract.Extractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Single-thread CPU cost per article of the steps the topology runs on each benchmark article,
 * outside Kafka: JSON decode, extraction, and the JSON write of the stored state. Several passes
 * over the same articles so the later ones show the warmed-up (JIT-compiled) cost. A quick bound on
 * what one stream thread can do; the extraction JMH benchmark is the precise figure.
 */
public final class CorpusCost {

    /** The command line: {@code CorpusCost [articles] [passes] [seed]}. */
    @Command(name = "CorpusCost", description = "Single-thread CPU cost per article: JSON decode, extraction, state write.")
    static final class Flags {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ARTICLES", defaultValue = "2000",
                description = "synthetic articles (default ${DEFAULT-VALUE})")
        int articles;

        @Parameters(index = "1", arity = "0..1", paramLabel = "PASSES", defaultValue = "5",
                description = "passes over them (default ${DEFAULT-VALUE})")
        int passes;

        @Parameters(index = "2", arity = "0..1", paramLabel = "SEED", defaultValue = "42",
                description = "corpus seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    private CorpusCost() {}

    public static void main(String[] args) throws Exception {
        Flags flags = BenchFlags.parse(new Flags(), args);
        int n = flags.articles;
        int passes = flags.passes;
        long seed = flags.seed;
        SyntheticCorpus corpus = new SyntheticCorpus(seed, 30_000, Set.of());
        List<byte[]> encoded = new ArrayList<>(n);
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            byte[] json = ArticleJson.encode(corpus.article(i));
            encoded.add(json);
            bytes += json.length;
        }
        Extractor extractor = Extractor.withDefaultTaxonomy();
        System.out.printf(Locale.ROOT, "%d articles, %.1f KiB JSON each on average%n", n, bytes / 1024.0 / n);
        for (int p = 1; p <= passes; p++) {
            long decode = 0;
            long extract = 0;
            long write = 0;
            long sink = 0;
            for (byte[] json : encoded) {
                long t0 = System.nanoTime();
                Article a = ((io.topictracker.article.DecodedArticle.Valid) ArticleJson.decode(json)).article();
                long t1 = System.nanoTime();
                Extraction e = extractor.extract(a.title(), a.body());
                long t2 = System.nanoTime();
                sink += Json.mapper().writeValueAsBytes(e).length;
                long t3 = System.nanoTime();
                decode += t1 - t0;
                extract += t2 - t1;
                write += t3 - t2;
            }
            System.out.printf(Locale.ROOT, "pass %d: decode %6.1f µs, extract %7.1f µs (%.1f µs/KiB), write extraction JSON %5.1f µs per article (%d)%n",
                    p, decode / 1e3 / n, extract / 1e3 / n, extract / 1e3 / n / (bytes / 1024.0 / n), write / 1e3 / n, sink % 10);
        }
    }
}
