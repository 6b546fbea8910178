package io.topictracker.cli;

import picocli.CommandLine.Command;

/** The {@code topic-tracker} launcher: one command, a subcommand per piece of the product. */
@Command(name = "topic-tracker", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, versionProvider = VersionProvider.class,
        description = "Track themes and named entities in a live stream of news articles with Kafka Streams.",
        subcommands = {DemoCommand.class, ProduceCommand.class, StreamsCommand.class, ExtractCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class TopicTrackerCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
