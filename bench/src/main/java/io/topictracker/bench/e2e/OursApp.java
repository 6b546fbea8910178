package io.topictracker.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Our app as users run it: {@code topic-tracker streams} (the CLI, production defaults:
 * exactly_once_v2) in its own JVM, with its own application id, state dir and HTTP port. Extra
 * Kafka Streams settings go through {@code --kafka-config}, extra flags through {@code extraArgs}.
 */
final class OursApp implements AutoCloseable {

    private final ChildJvm child;
    private final String appId;
    private final Path stateDir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private OursApp(ChildJvm child, String appId, Path stateDir, int port) {
        this.child = child;
        this.appId = appId;
        this.stateDir = stateDir;
        this.port = port;
    }

    static OursApp start(String bootstrapServers, Path work, String appId, Map<String, String> config,
            List<String> extraArgs, List<String> jvmOptions) throws IOException {
        return start(System.getProperty("java.class.path"), bootstrapServers, work, appId, config, extraArgs, jvmOptions);
    }

    /** As above, with the app from {@code classpath}: compares two builds of the app in one run. */
    static OursApp start(String classpath, String bootstrapServers, Path work, String appId, Map<String, String> config,
            List<String> extraArgs, List<String> jvmOptions) throws IOException {
        Path state = work.resolve("state-" + appId);
        Path configFile = work.resolve(appId + ".properties");
        Files.writeString(configFile, config.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        int port = Proc.freePort();
        List<String> args = new ArrayList<>(List.of("streams", "--bootstrap-servers", bootstrapServers,
                "--state-dir", state.toString(), "--http-port", Integer.toString(port), "--http-host", "127.0.0.1",
                "--application-id", appId, "--no-create-topics", "--kafka-config", configFile.toString()));
        args.addAll(extraArgs);
        ChildJvm child = ChildJvm.start(classpath, jvmOptions, "io.topictracker.cli.Main", args, work.resolve(appId + ".log"));
        return new OursApp(child, appId, state, port);
    }

    ChildJvm child() {
        return child;
    }

    String appId() {
        return appId;
    }

    Path stateDir() {
        return stateDir;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** GET on the app's HTTP API; status -1 when it does not answer. */
    HttpResponse<String> get(String pathAndQuery) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    /** Waits until {@code /ready} answers 200 (streams RUNNING, stores queryable). */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("our app exited early; see " + child.log());
            }
            HttpResponse<String> r = get("/ready");
            if (r != null && r.statusCode() == 200) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException("our app not ready after " + timeout + "; see " + child.log());
    }

    @Override
    public void close() {
        child.stop();
        Proc.deleteRecursively(stateDir);
    }
}
