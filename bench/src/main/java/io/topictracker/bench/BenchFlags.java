package io.topictracker.bench;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Parses a bench harness's flags with picocli: {@code --help} prints the usage and exits 0; a wrong
 * flag or value prints what was wrong (naming the flag) and the usage, and exits 2.
 */
public final class BenchFlags {

    private BenchFlags() {}

    /** {@code flags} (a picocli {@code @Command} object) filled from {@code args}. */
    public static <T> T parse(T flags, String[] args) {
        CommandLine cli = new CommandLine(flags);
        try {
            cli.parseArgs(args);
        } catch (ParameterException e) {
            System.err.println(e.getMessage());
            cli.usage(System.err);
            System.exit(2);
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            System.exit(0);
        }
        return flags;
    }
}
