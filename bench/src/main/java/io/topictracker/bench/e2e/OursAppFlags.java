package io.topictracker.bench.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags every end-to-end harness takes for our app, and {@code --help} (a picocli mixin). */
final class OursAppFlags {

    @Option(names = "--ours-config", paramLabel = "K=V",
            description = "extra Kafka Streams setting for our app (repeatable), via --kafka-config")
    Map<String, String> config = new LinkedHashMap<>();

    @Option(names = "--ours-args", paramLabel = "ARGS", defaultValue = "",
            description = "extra CLI flags for `topic-tracker streams`, space separated (e.g. \"--stream-threads 2\")")
    String args;

    @Option(names = "--jvm-opts", paramLabel = "OPTS", defaultValue = "",
            description = "JVM options for our app (run-throughput.sh: for every contender), space separated")
    String jvmOpts;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    List<String> args() {
        return Proc.words(args);
    }

    List<String> jvmOpts() {
        return Proc.words(jvmOpts);
    }
}
