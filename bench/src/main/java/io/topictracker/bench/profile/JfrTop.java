package io.topictracker.bench.profile;

import io.topictracker.bench.BenchFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Summarises the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording: share of samples
 * per thread, per method on top of the stack (self time) and per method anywhere on the stack
 * (total time), optionally only for threads whose name contains a filter.
 */
public final class JfrTop {

    /** The command line: {@code JfrTop FILE.jfr [threadNameFilter] [rows]}. */
    @Command(name = "jfr-top.sh", description = "Hot methods of a JFR recording's CPU samples.")
    static final class Flags {
        @Parameters(index = "0", paramLabel = "FILE.jfr", description = "the recording")
        Path file;

        @Parameters(index = "1", arity = "0..1", paramLabel = "THREAD_FILTER", defaultValue = "",
                description = "only threads whose name contains this")
        String threadFilter;

        @Parameters(index = "2", arity = "0..1", paramLabel = "ROWS", defaultValue = "30",
                description = "rows per table (default ${DEFAULT-VALUE})")
        int rows;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    private JfrTop() {}

    public static void main(String[] args) throws IOException {
        Flags flags = BenchFlags.parse(new Flags(), args);
        Path file = flags.file;
        if (!Files.isReadable(file)) {
            System.err.println("jfr-top.sh: cannot read " + file);
            System.exit(2);
        }
        String threadFilter = flags.threadFilter;
        int rows = flags.rows;
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        Map<String, Integer> selfPackage = new HashMap<>();
        Map<String, Long> allocByTopFrame = new HashMap<>();
        int samples = 0;
        int all = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ObjectAllocationSample")) {
                RecordedThread t = e.getThread("eventThread");
                if (t != null && t.getJavaName() != null && t.getJavaName().contains(threadFilter) && e.getStackTrace() != null
                        && !e.getStackTrace().getFrames().isEmpty()) {
                    allocByTopFrame.merge(firstProjectFrame(e.getStackTrace()), e.getLong("weight"), Long::sum);
                }
                continue;
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            all++;
            RecordedThread thread = e.getThread("sampledThread");
            String threadName = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
            byThread.merge(threadName.replaceAll("[0-9]+", "N"), 1, Integer::sum);
            if (!threadName.contains(threadFilter)) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            String top = name(frames.get(0));
            self.merge(top, 1, Integer::sum);
            selfPackage.merge(packageOf(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    total.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d CPU samples in all, %d on threads matching '%s'%n", file, all, samples, threadFilter);
        print("samples by thread (all threads)", byThread, all, rows);
        print("self time by package", selfPackage, samples, rows);
        print("self time by method", self, samples, rows);
        print("total time by method (on stack)", total, samples, rows * 2);
        if (!allocByTopFrame.isEmpty()) {
            long sum = allocByTopFrame.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "%nallocation (sampled weight) by first io.topictracker/org.apache.kafka frame, %d MiB in all%n", sum >> 20);
            allocByTopFrame.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                    .forEach(en -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * en.getValue() / sum, en.getKey()));
        }
    }

    private static String firstProjectFrame(RecordedStackTrace stack) {
        for (RecordedFrame f : stack.getFrames()) {
            String n = name(f);
            if (n.startsWith("io.topictracker") || n.startsWith("org.apache.kafka") || n.startsWith("com.fasterxml")) {
                return n;
            }
        }
        return name(stack.getFrames().get(0));
    }

    private static void print(String title, Map<String, ? extends Number> counts, int of, int rows) {
        System.out.printf(Locale.ROOT, "%n%s%n", title);
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().longValue(), a.getValue().longValue()))
                .limit(rows)
                .forEach(en -> System.out.printf(Locale.ROOT, "  %5.1f%%  %6d  %s%n", 100.0 * en.getValue().longValue() / Math.max(1, of),
                        en.getValue().longValue(), en.getKey()));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String packageOf(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }
}
