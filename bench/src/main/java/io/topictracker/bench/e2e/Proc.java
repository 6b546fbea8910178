package io.topictracker.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Process and machine facts read from /proc (Linux), plus small file helpers for the harnesses. */
final class Proc {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private Proc() {}

    /** Peak resident set size of a live process in MiB ({@code VmHWM}), or -1 if unknown. */
    static double peakRssMiB(long pid) {
        return statusKiB(pid, "VmHWM:") / 1024.0;
    }

    /** Current resident set size of a live process in MiB ({@code VmRSS}), or -1 if unknown. */
    static double rssMiB(long pid) {
        return statusKiB(pid, "VmRSS:") / 1024.0;
    }

    private static long statusKiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // process gone or not Linux
        }
        return -1024;
    }

    /** User + system CPU seconds a live process has used so far, or -1 if unknown. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name (which may hold spaces) start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds of a live process by kind of thread, from {@code /proc/PID/task/* /stat} and the
     * native thread names (the first 15 characters of Java thread names): where the time went.
     * {@code streamPrefix} is how the app's own threads start (its client id, i.e. application id).
     */
    static java.util.Map<String, Double> cpuByThreadKind(long pid, String streamPrefix) {
        java.util.Map<String, Double> byKind = new java.util.TreeMap<>();
        String prefix = streamPrefix.substring(0, Math.min(15, streamPrefix.length()));
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / CLOCK_TICKS_PER_SECOND;
                    byKind.merge(kind(comm, prefix), cpu, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return byKind;
        }
        return byKind;
    }

    private static String kind(String comm, String streamPrefix) {
        if (comm.startsWith("C2 Compiler") || comm.startsWith("C1 Compiler")) {
            return "jit";
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
            return "gc+vm";
        }
        if (comm.startsWith("kafka-producer")) {
            return "producer-io";
        }
        if (comm.startsWith("rocksdb")) {
            return "rocksdb-bg";
        }
        if (comm.startsWith(streamPrefix) || comm.contains("StreamThread")) {
            return "stream";
        }
        if (comm.startsWith("kafka-") || comm.startsWith("kafka-coordinat")) {
            return "kafka-other";
        }
        if (comm.startsWith("Jetty") || comm.startsWith("qtp")) {
            return "http";
        }
        return "other";
    }

    /** CPU seconds used by this JVM (the broker and the harness) so far. */
    static double selfCpuSeconds() {
        return cpuSeconds(ProcessHandle.current().pid());
    }

    /** A flag's value split into whitespace-separated words (for --ours-args, --jvm-opts, --variant). */
    static java.util.List<String> words(String s) {
        return java.util.Arrays.stream(s.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The 1/5/15-minute load averages, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static double directoryMiB(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum() / (1024.0 * 1024.0);
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not delete " + dir + ": " + e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !Double.isNaN(v)).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
