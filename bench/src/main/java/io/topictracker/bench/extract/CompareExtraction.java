package io.topictracker.bench.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.topictracker.bench.BenchFlags;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@link ExtractionBenchmark} of several builds of the extractor, compared fairly on a busy machine:
 * one JMH fork of each build in turn, round after round, so that the machine's drift (here it moves
 * one build's figure by ±1 µs/KB from one minute to the next) falls on every build alike. One
 * side-by-side run of 3 forks per build is not enough for differences under about 5 %: a pair of such
 * runs once showed a 1 µs/KB gain that 16 alternated rounds did not confirm.
 *
 * <p>A build is a git revision, whose core module is compiled in a worktree under
 * {@code bench/target/compare/}, or {@code work}, the working tree's core as last compiled. Its core
 * classes go first on the class path, before the bench module's own copy of core.
 */
public final class CompareExtraction {

    @Command(name = "compare-extraction", description = "Extraction speed of builds (git revisions, or 'work'),"
            + " one JMH fork of each in turn, round after round.")
    static final class Flags {
        @Parameters(arity = "1..*", paramLabel = "BUILD",
                description = "git revisions to compare, or 'work' for the working tree's core/target/classes")
        List<String> builds;

        @Option(names = "--rounds", defaultValue = "5", description = "forks per build (default ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--jmh-args", defaultValue = "", paramLabel = "ARGS",
                description = "more JMH arguments, space-separated, e.g. \"-jvmArgsAppend -XX:+UseParallelGC\"")
        String jmhArgs;

        @Option(names = "--variant", paramLabel = "NAME:JVM_OPTIONS",
                description = "also run each build with these JVM options, shown as BUILD/NAME, e.g. "
                        + "--variant \"parallel:-XX:+UseParallelGC\" (repeatable)")
        List<String> variants = new ArrayList<>();

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    private CompareExtraction() {}

    public static void main(String[] args) throws Exception {
        Flags flags = BenchFlags.parse(new Flags(), args);
        if (flags.rounds < 1) {
            fail("--rounds must be at least 1, was " + flags.rounds);
        }
        List<String> extra = arguments(flags.jmhArgs);
        Map<String, List<String>> variants = new LinkedHashMap<>(); // name -> JMH arguments
        for (String variant : flags.variants) {
            int colon = variant.indexOf(':');
            if (colon <= 0) {
                fail("--variant '" + variant + "' is not NAME:JVM_OPTIONS");
            }
            List<String> withOptions = new ArrayList<>(extra);
            withOptions.addAll(List.of("-jvmArgsAppend", variant.substring(colon + 1).strip()));
            variants.put(variant.substring(0, colon), withOptions);
        }
        // Each build as it is, then under each variant's JVM options: one JMH fork of each per round.
        Map<String, Run> runs = new LinkedHashMap<>();
        for (String build : flags.builds) {
            Path classes = build.equals("work") ? workClasses() : compiled(build);
            runs.put(build, new Run(classes, extra));
            variants.forEach((name, jmhArgs) -> runs.put(build + "/" + name, new Run(classes, jmhArgs)));
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        Path json = Files.createTempFile("compare-extraction", ".json");
        try {
            for (int round = 1; round <= flags.rounds; round++) {
                for (Map.Entry<String, Run> build : runs.entrySet()) {
                    double[] figures = fork(build.getValue().classes(), build.getValue().jmhArgs(), json);
                    results.computeIfAbsent(build.getKey(), k -> new ArrayList<>()).add(figures);
                    System.out.printf(Locale.ROOT, "round %d  %-12s CPU %5.2f µs/KB  wall %5.2f µs/KB  load %s%n",
                            round, build.getKey(), figures[0], figures[1], loadAverage());
                }
            }
        } finally {
            Files.deleteIfExists(json);
        }
        System.out.printf(Locale.ROOT, "%n| build | CPU µs/KB, median of %d forks (min–max) | wall µs/KB, median |%n",
                flags.rounds);
        System.out.println("|---|---|---|");
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            double[] cpu = e.getValue().stream().mapToDouble(f -> f[0]).sorted().toArray();
            double[] wall = e.getValue().stream().mapToDouble(f -> f[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %.2f (%.2f–%.2f) | %.2f |%n",
                    e.getKey(), median(cpu), cpu[0], cpu[cpu.length - 1], median(wall));
        }
    }

    /** A build's core classes and the JMH arguments its forks run with. */
    private record Run(Path classes, List<String> jmhArgs) {}

    private static List<String> arguments(String args) {
        return args.isBlank() ? List.of() : Arrays.asList(args.strip().split("\\s+"));
    }

    /** One JMH fork of the benchmark on {@code classes}: the fork's median CPU µs/KB and its wall µs/KB. */
    private static double[] fork(Path classes, List<String> extra, Path json) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
                "org.openjdk.jmh.Main", ExtractionBenchmark.class.getSimpleName(), "-f", "1", "-rf", "json",
                "-rff", json.toString()));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            fail("the JMH fork on " + classes + " failed (exit " + process.exitValue() + "); run it by hand: "
                    + String.join(" ", command));
        }
        JsonNode result = new ObjectMapper().readTree(json.toFile()).path(0).path("secondaryMetrics");
        List<Double> perIteration = new ArrayList<>();
        for (JsonNode fork : result.path("cpuNanosPerKb").path("rawData")) {
            fork.forEach(v -> perIteration.add(v.asDouble() / 1000));
        }
        if (perIteration.isEmpty()) {
            fail("no cpuNanosPerKb in the JMH result of " + classes);
        }
        double[] cpu = perIteration.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {median(cpu), result.path("kb").path("score").asDouble()};
    }

    /** The working tree's compiled core classes. */
    private static Path workClasses() {
        Path classes = Path.of("core", "target", "classes");
        if (!Files.isDirectory(classes)) {
            fail("work: " + classes + " does not exist; compile it with ./mvnw -q -pl core compile");
        }
        return classes.toAbsolutePath();
    }

    /** The core classes of git revision {@code rev}, compiled in a worktree of their own (once). */
    private static Path compiled(String rev) throws IOException, InterruptedException {
        String sha = run(Path.of("."), "git", "rev-parse", "--verify", "--quiet", rev + "^{commit}");
        if (sha == null) {
            fail("BUILD '" + rev + "' is neither 'work' nor a git revision of this repository");
        }
        Path tree = Path.of("bench", "target", "compare", sha.substring(0, 12)).toAbsolutePath();
        Path classes = tree.resolve("core/target/classes");
        if (!Files.isDirectory(classes)) {
            System.out.printf("compiling %s (%s) in %s%n", rev, sha.substring(0, 12), tree);
            if (!Files.isDirectory(tree) && run(Path.of("."), "git", "worktree", "add", "--detach", tree.toString(), sha) == null) {
                fail("git worktree add " + tree + " " + sha + " failed");
            }
            if (run(tree, "./mvnw", "-q", "-B", "-o", "-pl", "core", "compile") == null) {
                fail("compiling core of " + rev + " in " + tree + " failed; try there: ./mvnw -pl core compile");
            }
        }
        return classes;
    }

    /** Runs a command in {@code dir}: its output, trimmed, or null when it fails. */
    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        return process.waitFor() == 0 ? out : null;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void fail(String message) {
        System.err.println("compare-extraction: " + message);
        System.exit(2);
    }
}
