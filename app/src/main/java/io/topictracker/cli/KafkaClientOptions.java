package io.topictracker.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** How a command reaches Kafka: the bootstrap servers plus any client setting from a properties file. */
public final class KafkaClientOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:TOPIC_TRACKER_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka brokers to connect to (env TOPIC_TRACKER_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            defaultValue = "${env:TOPIC_TRACKER_KAFKA_CONFIG}",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*, any client setting);"
                    + " applied last (env TOPIC_TRACKER_KAFKA_CONFIG).")
    Path kafkaConfig;

    public String bootstrapServers() {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--bootstrap-servers must not be blank");
        }
        return bootstrapServers.strip();
    }

    /** The client settings from {@code --kafka-config}, or none; a bad file fails naming it. */
    public Map<String, String> clientOverrides() {
        Map<String, String> settings = new TreeMap<>();
        if (kafkaConfig == null) {
            return settings;
        }
        if (!Files.isRegularFile(kafkaConfig)) {
            throw new ParameterException(spec.commandLine(), "--kafka-config " + kafkaConfig + ": no such file");
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(kafkaConfig, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--kafka-config " + kafkaConfig + ": cannot read it (" + e.getMessage() + ")");
        }
        props.stringPropertyNames().forEach(key -> settings.put(key, props.getProperty(key).strip()));
        return settings;
    }
}
