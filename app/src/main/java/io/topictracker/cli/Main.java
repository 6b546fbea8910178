package io.topictracker.cli;

import picocli.CommandLine;

/** Entry point of the {@code topic-tracker} launcher. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line. Failures become one clear line on stderr and exit code 2 for bad
     * usage or 1 otherwise; a stack trace is only logged at debug level, never shown to users.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TopicTrackerCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + describe(e));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
            return 1;
        });
        return cli;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
