package io.topictracker.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.topictracker.article.Article;
import io.topictracker.article.ArticleJson;
import io.topictracker.article.DecodedArticle;
import io.topictracker.broker.EmbeddedKafkaBroker;
import io.topictracker.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code topic-tracker produce} with bad input, against a real broker: every problem is one line on
 * stderr naming the file (and the line, for JSON lines and front matter), the good articles are
 * still sent (read back from the topic), the summary line on stdout counts sent and skipped
 * inputs, and the exit code is 0 when everything was sent, 1 when some inputs were skipped, 2 when
 * nothing could be sent. Each test publishes to its own topic ({@code --topic}) on one broker.
 */
class ProducerCliIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern SUMMARY = Pattern.compile(
            "sent (\\d+) record\\(s\\) to '([^']+)' at \\S+; (\\d+) input\\(s\\) skipped, (\\d+) send\\(s\\) failed");

    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path dir;

    private String topic;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(EmbeddedKafkaBroker.Settings.defaults());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void createTopic() {
        topic = "articles-cli-" + UUID.randomUUID();
        broker.createTopics(List.of(new NewTopic(topic, 3, (short) -1)));
    }

    @Test
    void shouldSendEveryArticleAndExitZeroWhenAllInputsAreGood() throws Exception {
        Path articles = Files.createDirectories(dir.resolve("good"));
        write(articles.resolve("front.md"), "---\nid: fm-1\ntitle: Front matter\ndate: 2024-02-06\nauthor: A. Writer\n---\n"
                + "A data leak hit the regulator.\n");
        write(articles.resolve("plain.txt"), "Plain title\n\nOpen source security news.\n");
        write(articles.resolve("events.jsonl"), "{\"id\":\"j-1\",\"title\":\"One\",\"body\":\"First body.\"}\n\n"
                + "{\"id\":\"j-2\",\"body\":\"Second body.\",\"publishedAt\":\"2024-02-06T10:00:00Z\"}\n");
        write(Files.createDirectories(articles.resolve("nested")).resolve("deep.md"), "Deep\nA nested article.\n");
        write(articles.resolve(".hidden.md"), "Hidden\nNever read.\n");

        Run run = produce(articles.toString());

        assertEquals(0, run.exit(), run.toString());
        assertEquals("", run.err(), "nothing to report");
        run.assertSummary(5, 0, 0);
        Map<String, Article> sent = readTopic(5);
        assertEquals(List.of("deep", "fm-1", "j-1", "j-2", "plain"), List.copyOf(sent.keySet()));
        assertEquals("Front matter", sent.get("fm-1").title());
        assertEquals(Instant.parse("2024-02-06T00:00:00Z"), sent.get("fm-1").publishedAt());
        assertEquals("Plain title", sent.get("plain").title());
    }

    @Test
    void shouldExitTwoAndNameTheFileWhenItDoesNotExist() throws Exception {
        Path missing = dir.resolve("no-such-article.md");

        Run run = produce(missing.toString());

        assertEquals(2, run.exit(), run.toString());
        run.assertErrLine(missing + ": file not found");
        run.assertSummary(0, 1, 0);
        assertTopicEmpty();
    }

    @Test
    void shouldExitTwoAndNameEveryFileThatCannotBeRead() throws Exception {
        List<String> unreadable = new ArrayList<>();
        Path locked = write(dir.resolve("locked.md"), "Locked\nNobody may read this.\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (!Files.isReadable(locked)) { // root reads it anyway
            unreadable.add(locked.toString());
        }
        Path notADirectory = write(dir.resolve("file.txt"), "A file\nnot a directory.\n");
        unreadable.add(notADirectory.resolve("child.md").toString());
        Path ioError = Path.of("/proc/self/mem"); // opens, but reading at offset 0 fails with EIO
        if (Files.isRegularFile(ioError)) {
            unreadable.add(ioError.toString());
        }
        assumeTrue(unreadable.size() >= 2, "this platform offers no unreadable file besides a bad path");

        Run run = produce(unreadable.toArray(String[]::new));

        assertEquals(2, run.exit(), run.toString());
        for (String path : unreadable) {
            run.assertErrLineMatches(Pattern.quote(path) + ": cannot read file \\(.+\\)");
        }
        run.assertSummary(0, unreadable.size(), 0);
        assertTopicEmpty();
    }

    @Test
    void shouldExitTwoForAnEmptyOrBlankFile() throws Exception {
        Path empty = write(dir.resolve("empty.md"), "");
        Path blank = write(dir.resolve("blank.txt"), "  \n\t\n\n");
        Path emptyJsonl = write(dir.resolve("empty.jsonl"), "");

        Run run = produce(empty.toString(), blank.toString(), emptyJsonl.toString());

        assertEquals(2, run.exit(), run.toString());
        run.assertErrLine(empty + ": file is empty");
        run.assertErrLine(blank + ": file contains only blank lines");
        run.assertErrLine(emptyJsonl + ": file is empty");
        run.assertSummary(0, 3, 0);
        assertTopicEmpty();
    }

    @Test
    void shouldNameFileAndLineOfBrokenFrontMatterAndStillSendTheGoodFile() throws Exception {
        Path unclosed = write(dir.resolve("unclosed.md"), "---\ntitle: Never closed\n\nBody text.\n");
        Path badYaml = write(dir.resolve("bad-yaml.md"), "---\ntitle: Fine\nauthor: [unclosed\nurl: x\n---\nBody text.\n");
        Path badDate = write(dir.resolve("bad-date.md"), "---\ntitle: Dated\nid: d-1\ndate: next tuesday\n---\nBody text.\n");
        Path listTitle = write(dir.resolve("list-title.md"), "---\nid: l-1\ntitle:\n  - a\n  - b\n---\nBody text.\n");
        Path noBody = write(dir.resolve("no-body.md"), "---\ntitle: Only front matter\n---\n\n");
        Path good = write(dir.resolve("good.md"), "---\nid: good-1\ntitle: Good\n---\nA good body.\n");

        Run run = produce(unclosed.toString(), badYaml.toString(), badDate.toString(), listTitle.toString(), noBody.toString(),
                good.toString());

        assertEquals(1, run.exit(), run.toString());
        run.assertErrLineMatches(Pattern.quote(unclosed + ":1: front matter is not closed") + ".*");
        run.assertErrLineMatches(Pattern.quote(badYaml.toString()) + ":[3-5]: front matter is not valid YAML.*");
        run.assertErrLineMatches(Pattern.quote(badDate + ":4: front matter field 'date' is not a date or timestamp: 'next tuesday'") + ".*");
        run.assertErrLineMatches(Pattern.quote(listTitle + ":3: front matter field 'title' must be a single value") + ".*");
        run.assertErrLine(noBody + ": file has front matter but no body after it");
        run.assertSummary(1, 5, 0);
        assertEquals(List.of("good-1"), List.copyOf(readTopic(1).keySet()));
    }

    @Test
    void shouldNameTheBadLinesOfAJsonLinesFileAndSendTheGoodOnes() throws Exception {
        Path events = write(dir.resolve("events.jsonl"), String.join("\n",
                "{\"id\":\"ok-1\",\"body\":\"First.\"}",
                "{not json",
                "{\"id\":\"ok-2\",\"title\":\"Second\",\"body\":\"Second.\"}",
                "{\"id\":\"no-body\",\"title\":\"no body\"}",
                "[1,2]",
                "",
                "{\"id\":\"typed\",\"body\":5}",
                "{\"id\":\"bad-date\",\"body\":\"x\",\"publishedAt\":\"yesterday\"}",
                "{\"id\":\"ok-3\",\"body\":\"Third.\",\"unknown\":{\"nested\":true}}",
                "\"just a string\"",
                "{\"id\":\"ok-4\",\"body\":\"Fourth.\"}   ",
                "{\"id\":\"blank\",\"body\":\"   \"}") + "\n");

        Run run = produce(events.toString());

        assertEquals(1, run.exit(), run.toString());
        for (int line : List.of(2, 4, 5, 7, 8, 10, 12)) {
            run.assertErrLineMatches(Pattern.quote(events + ":" + line + ": ") + ".+");
        }
        run.assertErrLineMatches(Pattern.quote(events + ":4: ") + ".*'body'.*");
        run.assertErrLineMatches(Pattern.quote(events + ":8: ") + ".*'publishedAt'.*");
        assertEquals(7, run.errLines().size(), run.err());
        run.assertSummary(4, 7, 0);
        assertEquals(List.of("ok-1", "ok-2", "ok-3", "ok-4"), List.copyOf(readTopic(4).keySet()));
    }

    @Test
    void shouldSendTheGoodFilesOfAMixedDirectoryAndNameEachBadOne() throws Exception {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        write(mixed.resolve("a-good.md"), "---\nid: m-1\ntitle: Good one\n---\nA leak.\n");
        write(mixed.resolve("b-good.txt"), "Good two\nSecurity news.\n");
        Path lines = write(mixed.resolve("c-lines.jsonl"), "{\"id\":\"m-3\",\"body\":\"Three.\"}\n{oops}\n{\"id\":\"m-4\",\"body\":\"Four.\"}\n");
        Path empty = write(mixed.resolve("d-empty.md"), "");
        Path binary = mixed.resolve("e-binary.txt");
        Files.write(binary, new byte[] {'T', 'i', 't', 'l', 'e', '\n', 0, 1, 2, 3, '\n'});
        Path latin1 = mixed.resolve("f-latin1.txt");
        Files.write(latin1, "Caf\u00e9 title\nLe caf\u00e9 est ferm\u00e9.\n".getBytes(StandardCharsets.ISO_8859_1));
        Path utf16 = mixed.resolve("g-utf16.txt");
        Files.write(utf16, "Title\nBody.\n".getBytes(StandardCharsets.UTF_16));
        Path frontMatter = write(mixed.resolve("h-front.md"), "---\ntitle: x\ndate: 31/02/2024\n---\nBody.\n");
        Path titleOnly = write(mixed.resolve("i-title-only.txt"), "Just a title\n");
        Path dangling = mixed.resolve("j-dangling.md");
        Files.createSymbolicLink(dangling, mixed.resolve("does-not-exist.md"));
        write(mixed.resolve(".hidden.md"), "Hidden\nIgnored, not skipped.\n");
        write(Files.createDirectories(mixed.resolve("k-sub")).resolve("deep.md"), "Deep\nNested good article.\n");

        Run run = produce(mixed.toString());

        assertEquals(1, run.exit(), run.toString());
        run.assertErrLineMatches(Pattern.quote(lines + ":2: line is not valid JSON") + ".*");
        run.assertErrLine(empty + ": file is empty");
        run.assertErrLine(binary + ": file is binary (it contains NUL bytes)");
        run.assertErrLineMatches(Pattern.quote(latin1 + ": file is not UTF-8 text") + ".*");
        run.assertErrLineMatches(Pattern.quote(utf16 + ": file is UTF-16 text") + ".*");
        run.assertErrLineMatches(Pattern.quote(frontMatter + ":3: front matter field 'date'") + ".*");
        run.assertErrLine(titleOnly + ": file has a title line but no body");
        run.assertErrLine(dangling + ": symbolic link points to nothing");
        assertEquals(8, run.errLines().size(), run.err());
        assertFalse(run.err().contains(".hidden"), "hidden files are neither read nor reported");
        run.assertSummary(5, 8, 0);
        assertEquals(List.of("b-good", "deep", "m-1", "m-3", "m-4"), List.copyOf(readTopic(5).keySet()));
    }

    @Test
    void shouldExitTwoWhenNoBrokerTakesTheRecords() throws Exception {
        Path good = write(dir.resolve("good.md"), "Good\nA fine article nobody will receive.\n");
        // Give up fast instead of the 60 s metadata wait and 120 s delivery timeout.
        Path fast = write(dir.resolve("fast.properties"), "max.block.ms=2000\ndelivery.timeout.ms=3000\nrequest.timeout.ms=1000\n");
        String nowhere = "localhost:" + ApiClient.freePort();

        Run run = run("produce", "--bootstrap-servers", nowhere, "--kafka-config", fast.toString(), good.toString());

        assertEquals(2, run.exit(), run.toString());
        run.assertErrLineMatches(Pattern.quote(good + ": not sent: ") + ".+");
        Matcher summary = run.summary();
        assertEquals("0", summary.group(1));
        assertEquals("1", summary.group(4), "one send failed");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private record Run(int exit, String out, String err) {

        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        void assertErrLine(String expected) {
            assertTrue(errLines().contains("skipped " + expected), () -> "stderr has 'skipped " + expected + "':\n" + err);
        }

        void assertErrLineMatches(String regex) {
            Pattern pattern = Pattern.compile("(skipped )?" + regex);
            assertTrue(errLines().stream().anyMatch(l -> pattern.matcher(l).matches()), () -> "stderr has a line " + regex + ":\n" + err);
        }

        Matcher summary() {
            Matcher matcher = SUMMARY.matcher(out.strip());
            assertTrue(matcher.matches(), () -> "one summary line on stdout: '" + out + "'");
            return matcher;
        }

        void assertSummary(int sent, int skipped, int failed) {
            Matcher matcher = summary();
            assertEquals(List.of(sent, skipped, failed),
                    Stream.of(matcher.group(1), matcher.group(3), matcher.group(4)).map(Integer::valueOf).toList(),
                    "sent, skipped, failed in: " + out);
        }
    }

    private Run produce(String... paths) {
        List<String> args = new ArrayList<>(List.of("produce", "--bootstrap-servers", broker.bootstrapServers(), "--topic", topic));
        args.addAll(List.of(paths));
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The topic's articles by key (sorted), once {@code expected} records arrived; fails on any extra record. */
    private Map<String, Article> readTopic(int expected) {
        List<ConsumerRecord<String, byte[]>> records = consume(expected);
        assertEquals(expected, records.size(), "records in " + topic);
        Map<String, Article> byKey = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DecodedArticle decoded = ArticleJson.decode(record.value());
            assertTrue(decoded instanceof DecodedArticle.Valid, record.key() + ": " + decoded);
            Article article = ((DecodedArticle.Valid) decoded).article();
            assertEquals(record.key(), article.id(), "keyed by article id");
            assertTrue(byKey.put(record.key(), article) == null, "sent once: " + record.key());
        }
        return byKey;
    }

    private void assertTopicEmpty() {
        assertEquals(List.of(), consume(0), "nothing was sent to " + topic);
    }

    private List<ConsumerRecord<String, byte[]>> consume(int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "cli-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected && !consumer.assignment().isEmpty();
            });
            // A record beyond the expected ones would be a duplicate or a bad input sent anyway.
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return true;
            });
        }
        return records;
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
