package io.topictracker.bench.extract;

import io.topictracker.extract.Extraction;
import io.topictracker.extract.Extractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Theme and entity extraction together, warm, on one thread: the work the topology does per article.
 * One operation extracts every article of the corpus (the four seeds and the 25 gold-set news
 * articles: 29 articles, 141,930 characters = 138.6 KB); the secondary result {@code extractCorpus:kb}
 * counts kilobytes as operations, so JMH reports it directly in µs per KB, and
 * {@code extractCorpus:cpuNanosPerKb} is the thread's CPU time per KB, which a shared, busy machine
 * distorts far less. Run from the repository root (see docs/BENCHMARKS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class ExtractionBenchmark {

    /** Directories of articles, comma-separated, relative to the working directory. */
    @Param(ExtractionCorpus.DEFAULT)
    public String corpus;

    /**
     * How many times in a row each article is extracted. 1, the figure this benchmark reports, is a
     * stream of different articles; more keeps one article's lexemes, names and tables in the CPU's
     * caches, which shows how much of the time goes to waiting for memory (docs/BENCHMARKS.md).
     */
    @Param("1")
    public int repeats;

    /** The text one operation extracts in KB (1,024 characters), rounded: what it adds to the KB counter. */
    private long kbPerOp;

    private List<String[]> articles;
    private Extractor extractor;

    @Setup
    public void setUp() {
        extractor = Extractor.withDefaultTaxonomy();
        ExtractionCorpus read = ExtractionCorpus.read(corpus);
        articles = read.articles();
        long chars = read.chars();
        kbPerOp = Math.round(chars * repeats / 1024.0);
        System.out.printf("%n%d articles, %.1f KB, each extracted %d time(s) in a row%n", articles.size(),
                chars / 1024.0, repeats);
    }

    /** Kilobytes of text extracted, counted as JMH operations: the secondary score is µs per KB. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Kilobytes {
        /** Whole KB, so the counter stays an integer (the default corpus is 138.6 KB, counted as 139). */
        public long kb;

        @Setup(Level.Iteration)
        public void reset() {
            kb = 0;
        }
    }

    /**
     * CPU time of the benchmark thread per KB, in nanoseconds, as an event count per iteration: unlike
     * wall time it does not grow while the thread waits for a core that other processes hold.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuTime {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private long nanos;
        private long kilobytes;

        private final List<Long> measured = new ArrayList<>();

        @Setup(Level.Iteration)
        public void reset() {
            nanos = 0;
            kilobytes = 0;
        }

        /**
         * The secondary score {@code extractCorpus:cpuNanosPerKb}, one value per iteration (in the JSON
         * result's {@code rawData}; JMH's summary line adds the iterations up).
         */
        public long cpuNanosPerKb() {
            return kilobytes == 0 ? 0 : nanos / kilobytes;
        }

        @TearDown(Level.Iteration)
        public void record() {
            measured.add(cpuNanosPerKb());
        }

        /** Prints this fork's median, so the console shows a readable CPU figure too. */
        @TearDown(Level.Trial)
        public void report() {
            List<Long> sorted = new ArrayList<>(measured);
            sorted.sort(null);
            if (!sorted.isEmpty()) {
                System.out.printf("%nCPU time per KB, median of this fork's %d iterations (warm-up included): %.1f µs%n",
                        sorted.size(), sorted.get(sorted.size() / 2) / 1000.0);
            }
        }
    }

    @Benchmark
    public void extractCorpus(Blackhole bh, Kilobytes counter, CpuTime cpu) {
        long start = CpuTime.THREADS.getCurrentThreadCpuTime();
        for (String[] a : articles) {
            for (int r = 0; r < repeats; r++) {
                Extraction x = extractor.extract(a[0], a[1]);
                bh.consume(x);
            }
        }
        cpu.nanos += CpuTime.THREADS.getCurrentThreadCpuTime() - start;
        cpu.kilobytes += kbPerOp;
        counter.kb += kbPerOp;
    }
}
