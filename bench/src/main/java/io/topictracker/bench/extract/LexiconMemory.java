package io.topictracker.bench.extract;

import io.topictracker.bench.BenchFlags;
import io.topictracker.extract.Extractor;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The heap a stream thread's lexicon of word forms takes when full: articles of random words, each
 * form its own stem (the worst case for the stemmer cache), extracted on one thread until it has
 * seen {@code --forms} distinct forms (the lexicon starts afresh at 100,000, and also holds the words of
 * the gazetteer and the taxonomy), the heap measured after
 * a full collection before and after. Figures: README.md (memory) and the lexicon's javadoc.
 */
public final class LexiconMemory {

    @Command(name = "lexicon-memory", description = "Heap taken by one thread's lexicon of N random word forms.")
    static final class Flags {
        @Option(names = "--forms", defaultValue = "95000", description = "distinct word forms (default ${DEFAULT-VALUE})")
        int forms;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    private LexiconMemory() {}

    public static void main(String[] args) throws InterruptedException {
        Flags flags = BenchFlags.parse(new Flags(), args);
        Extractor extractor = Extractor.withDefaultTaxonomy();
        extractor.extract("Warm-up", "Classes loaded, tables built.");
        long before = heapAfterGc();
        Random random = new Random(3);
        Set<String> forms = new HashSet<>();
        StringBuilder body = new StringBuilder();
        while (forms.size() < flags.forms) {
            body.setLength(0);
            for (int k = 0; k < 300 && forms.size() < flags.forms; k++) {
                StringBuilder word = new StringBuilder();
                int length = 3 + random.nextInt(9);
                for (int c = 0; c < length; c++) {
                    word.append((char) ((k % 7 == 0 && c == 0 ? 'A' : 'a') + random.nextInt(26)));
                }
                forms.add(word.toString());
                body.append(word).append(k % 12 == 11 ? ". " : " ");
            }
            extractor.extract(null, body.toString());
        }
        int count = forms.size();
        forms = null; // the generator's own set is not the lexicon's
        long after = heapAfterGc();
        System.out.printf(Locale.ROOT, "%,d distinct word forms: %.1f MB of heap for the thread's lexicon%n", count,
                (after - before) / 1e6);
    }

    private static long heapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
