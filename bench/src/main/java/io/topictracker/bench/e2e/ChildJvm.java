package io.topictracker.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A contender in its own JVM, on the harness's own classpath (bench jar + bench/target/lib/*), so
 * each one's RSS and CPU time are its own. Output goes to a log file next to the run's data.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final long startNanos;
    private final Path log;

    private ChildJvm(Process process, long startNanos, Path log) {
        this.process = process;
        this.startNanos = startNanos;
        this.log = log;
    }

    static ChildJvm start(List<String> jvmOptions, String mainClass, List<String> args, Path log) {
        return start(System.getProperty("java.class.path"), jvmOptions, mainClass, args, log);
    }

    /** As {@link #start(List, String, List, Path)} on another classpath (e.g. another build of the app). */
    static ChildJvm start(String classpath, List<String> jvmOptions, String mainClass, List<String> args, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        try {
            return new ChildJvm(builder.start(), start, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    long pid() {
        return process.pid();
    }

    long startNanos() {
        return startNanos;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int waitFor(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("child " + pid() + " did not exit within " + timeoutMillis + " ms; see " + log);
        }
        return process.exitValue();
    }

    /** SIGTERM (the app's shutdown hook closes cleanly), then SIGKILL after 30 s. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
