package io.topictracker.cli;

import io.topictracker.producer.ArticlePublisher;
import io.topictracker.producer.source.ArticleSources;
import io.topictracker.producer.source.ReadProblem;
import io.topictracker.producer.source.SourcedArticle;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code topic-tracker produce}: publishes article files (or stdin) to the {@code articles} topic. */
@Command(name = "produce", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {
            "Publish articles to Kafka, keyed by article id.",
            "PATH is a file, a directory (read recursively) or - for stdin. Formats: plain text (first line = title),"
                    + " Markdown/text with YAML front matter (title, date, author, url, source, id), JSON lines of article events.",
            "A file's article id is its front-matter id, else its file name: publishing an edited file replaces the article."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every article was sent", "1:some inputs were skipped or failed (the rest were sent)",
            "2:nothing could be sent, or bad usage"})
public final class ProduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaClientOptions kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "articles", description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--delete", paramLabel = "ID", description = "Delete these article ids (sends tombstones) instead of, or besides, publishing PATHs.")
    List<String> deleteIds = new ArrayList<>();

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, directories, or - for standard input.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty() && deleteIds.isEmpty()) {
            err.println("produce: give at least one PATH (a file, a directory or - for stdin) or --delete ID");
            return 2;
        }
        AtomicInteger skipped = new AtomicInteger();
        List<CompletableFuture<String>> sends = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(kafka.bootstrapServers(), topic, kafka.clientOverrides())) {
            ArticleSources.forEach(paths, System.in,
                    (SourcedArticle sourced) -> sends.add(publisher.send(sourced.article())
                            .handle((ok, e) -> e == null ? null : sourced.origin() + ": not sent: " + rootMessage(e))),
                    (ReadProblem problem) -> {
                        skipped.incrementAndGet();
                        err.println("skipped " + problem.describe());
                    });
            for (String id : deleteIds) {
                sends.add(publisher.delete(id).handle((ok, e) -> e == null ? null : "delete " + id + ": not sent: " + rootMessage(e)));
            }
            publisher.flush();
        }
        int failed = 0;
        for (CompletableFuture<String> send : sends) {
            String failure = send.join();
            if (failure != null) {
                failed++;
                err.println(failure);
            }
        }
        int sent = sends.size() - failed;
        out.printf("sent %d record(s) to '%s' at %s; %d input(s) skipped, %d send(s) failed%n",
                sent, topic, kafka.bootstrapServers(), skipped.get(), failed);
        if (sent == 0) {
            return 2;
        }
        return skipped.get() + failed == 0 ? 0 : 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause.getMessage();
    }
}
