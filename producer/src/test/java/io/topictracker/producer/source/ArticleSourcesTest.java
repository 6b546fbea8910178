package io.topictracker.producer.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.topictracker.article.Article;
import io.topictracker.article.ArticleIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArticleSourcesTest {

    private static final InputStream NO_STDIN = InputStream.nullInputStream();

    @TempDir
    Path dir;

    // --- the real seed articles -------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            000_945879bacdbee9c1.txt | Prepare to Be Amazed: Hackers Are Taking AI to the Next Level! | Rosa Glueck | 2022-11-23T00:00:00Z | Artificial Intelligence (AI) has come a long way
            001_793c6768dc07fa76.txt | Mysterious AI Model Emerges from Data Leak                      |             |                      | The tech world was sent into a frenzy
            002_728830cd7c627d4c.txt | The Open AI Dilemma: Balancing Innovation with Ethical Challenges | Charles Dyer | 2024-02-06T00:00:00Z | In the rapidly evolving landscape
            003_85979b9f01c146de.txt | The Leak That Has Big Tech and Regulators Panicked              |             |                      | Recent developments in the technology sector
            """)
    void shouldReadSeedArticleWithIdFromFileNameAndItsTitleAuthorAndDate(
            String file, String title, String author, String publishedAt, String bodyExcerpt) throws Exception {
        Path path = seeds().resolve(file);

        ReadReport report = read(path.toString());

        assertEquals(List.of(), report.problems());
        Article article = single(report);
        assertEquals(file.substring(0, file.length() - ".txt".length()), article.id());
        assertEquals(title, article.title());
        assertEquals(author, article.author());
        assertEquals(publishedAt == null ? null : Instant.parse(publishedAt), article.publishedAt());
        assertTrue(article.body().contains(bodyExcerpt), article.body());
        assertNull(article.url());
        assertNull(article.source(), "source is not invented");
        assertEquals(path.toString(), report.articles().get(0).origin());
    }

    @Test
    void shouldKeepFrontMatterOutOfSeedBodyAndBodyAsWritten() throws Exception {
        Article article = single(read(seeds().resolve("000_945879bacdbee9c1.txt").toString()));

        assertTrue(article.body().startsWith("*****\n# Prepare to Be Amazed"), article.body());
        assertFalse(article.body().contains("ShowToc"));
        assertTrue(article.body().endsWith("Get the Latest Tech News Delivered Every Day"), "body is stripped");
    }

    @Test
    void shouldTakeFirstLineAsTitleAndRestAsBodyForPlainTextSeed() throws Exception {
        Article article = single(read(seeds().resolve("001_793c6768dc07fa76.txt").toString()));

        assertTrue(article.body().startsWith("The tech world was sent into a frenzy"), article.body());
        assertFalse(article.body().contains("Mysterious AI Model Emerges from Data Leak\n"));
    }

    @Test
    void shouldReadSeedDirectoryInFileNameOrderWithoutProblems() throws Exception {
        ReadReport report = read(seeds().toString());

        assertEquals(List.of(), report.problems());
        assertEquals(
                List.of("000_945879bacdbee9c1", "001_793c6768dc07fa76", "002_728830cd7c627d4c", "003_85979b9f01c146de"),
                ids(report));
    }

    // --- JSON lines ------------------------------------------------------------------------

    @Test
    void shouldNameFileAndLineOfBadJsonLine() throws IOException {
        Path file = write("data.jsonl", """
                {"id":"a1","title":"First","body":"Body one","publishedAt":"2024-02-06T10:00:00Z"}

                {"id":"a3","title":"Broken", "body":
                {"id":"a4","title":"No body"}
                {"id":"a5","title":"Fifth","body":"Body five","url":"https://example.com/5"}
                """);

        ReadReport report = read(file.toString());

        assertEquals(List.of("a1", "a5"), ids(report), "good lines around bad ones are still read");
        assertEquals(List.of(file + ":1", file + ":5"), origins(report));
        assertEquals(2, report.problems().size(), report.problems().toString());
        ReadProblem syntax = report.problems().get(0);
        assertEquals(file + ":3", syntax.location());
        assertTrue(syntax.message().startsWith("line is not valid JSON: "), syntax.message());
        assertFalse(syntax.message().contains("Source:"), "no Jackson location noise: " + syntax.message());
        assertEquals(new ReadProblem(file + ":4", "field 'body' is missing"), report.problems().get(1));
        assertEquals(Instant.parse("2024-02-06T10:00:00Z"), report.articles().get(0).article().publishedAt());
    }

    @Test
    void shouldDeriveIdOfJsonLineWithoutOne() throws IOException {
        Path file = write("data.ndjson", """
                {"title":"T","body":"B"}
                {"title":"T","body":"B","url":"https://example.com/x"}
                """);

        ReadReport report = read(file.toString());

        assertEquals(List.of(ArticleIds.derive("T", "B", null), "https://example.com/x"), ids(report));
    }

    @Test
    void shouldReportJsonLineThatIsNotAnObject() throws IOException {
        Path file = write("data.jsonl", """
                ["not", "an", "object"]
                {"id":"ok","body":"fine"}
                """);

        ReadReport report = read(file.toString());

        assertEquals(List.of("ok"), ids(report));
        assertEquals(List.of(new ReadProblem(file + ":1", "line is not a JSON object but an array")), report.problems());
    }

    @Test
    void shouldReportInvalidUtf8JsonLineAndReadTheOthers() throws IOException {
        Path file = dir.resolve("data.jsonl");
        byte[] bad = "{\"id\":\"x\",\"body\":\"caf\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, concat("{\"id\":\"a\",\"body\":\"b\"}\n".getBytes(UTF_8), bad, "{\"id\":\"c\",\"body\":\"d\"}\n".getBytes(UTF_8)));

        ReadReport report = read(file.toString());

        assertEquals(List.of("a", "c"), ids(report));
        assertEquals(List.of(new ReadProblem(file + ":2", "line is not valid UTF-8")), report.problems());
    }

    @Test
    void shouldReadJsonFileWithOneObjectPerLineAsJsonLines() throws IOException {
        Path file = write("data.json", """
                {"id":"j1","body":"one"}
                {"id":"j2","body":"two"}
                """);

        ReadReport report = read(file.toString());

        assertEquals(List.of("j1", "j2"), ids(report));
        assertEquals(List.of(file + ":1", file + ":2"), origins(report));
    }

    @Test
    void shouldReadJsonArrayFileLocatingEachElementByItsLine() throws IOException {
        Path file = write("export.json", """
                [
                  {"id": "e1", "body": "one"},
                  {
                    "id": "e2",
                    "title": "Missing body"
                  },
                  "text",
                  {"id": "e4", "body": "four"}
                ]
                """);

        ReadReport report = read(file.toString());

        assertEquals(List.of("e1", "e4"), ids(report), report.problems().toString());
        assertEquals(List.of(file + ":2", file + ":8"), origins(report));
        assertEquals(List.of(
                new ReadProblem(file + ":3", "field 'body' is missing"),
                new ReadProblem(file + ":7", "array element is not a JSON object but a string")), report.problems());
    }

    @Test
    void shouldReadPrettyPrintedJsonObjectFileAsOneArticle() throws IOException {
        Path file = write("one.json", """
                {
                  "id": "p1",
                  "title": "Pretty",
                  "body": "Printed"
                }
                """);

        ReadReport report = read(file.toString());

        assertEquals(List.of("p1"), ids(report));
        assertEquals(List.of(file.toString()), origins(report));
    }

    @Test
    void shouldReportJsonSyntaxErrorInDocumentButKeepEarlierElements() throws IOException {
        Path file = write("export.json", """
                [
                  {"id": "e1", "body": "one"},
                  {"id": "e2", "body": oops}
                ]
                """);

        ReadReport report = read(file.toString());

        assertEquals(List.of("e1"), ids(report), report.problems().toString());
        assertEquals(1, report.problems().size());
        ReadProblem problem = report.problems().get(0);
        assertEquals(file + ":3", problem.location());
        assertTrue(problem.message().startsWith("not valid JSON, the rest of the file is skipped: "), problem.message());
    }

    @Test
    void shouldReportJsonFileThatIsNotJson() throws IOException {
        Path file = write("notes.json", "just words\n");

        ReadReport report = read(file.toString());

        assertEquals(List.of(new ReadProblem(file + ":1", "file is not JSON: it should start with '{' or '['")),
                report.problems());
    }

    @Test
    void shouldSniffJsonLinesInFileWithUnknownExtension() throws IOException {
        Path file = write("dump.log", "{\"id\":\"s1\",\"body\":\"b\"}\n");

        assertEquals(List.of("s1"), ids(read(file.toString())));
    }

    @Test
    void shouldReadTextFileStartingWithBraceAsText() throws IOException {
        Path file = write("braces.txt", "{curly} title\nbody\n");

        Article article = single(read(file.toString()));

        assertEquals("{curly} title", article.title());
    }

    // --- text and front matter -------------------------------------------------------------

    @Test
    void shouldReadFrontMatterFieldsAndIgnoreUnknownKeys() throws IOException {
        Path file = write("post.md", """
                ---
                title: "Hello: World"
                date: 2024-02-06T10:00:00+01:00
                author: Ann
                url: https://example.com/hello
                source: Example News
                tags: [a, b]
                ShowToc: true
                ---
                # Hello: World

                The body.
                """);

        Article article = single(read(file.toString()));

        assertEquals(new Article("post", "Hello: World", "# Hello: World\n\nThe body.", "https://example.com/hello",
                "Example News", "Ann", Instant.parse("2024-02-06T09:00:00Z")), article);
    }

    @Test
    void shouldUseFrontMatterIdOverFileName() throws IOException {
        Path file = write("draft-3.md", "---\nid: launch-post\ntitle: T\n---\nBody\n");

        assertEquals(List.of("launch-post"), ids(read(file.toString())));
    }

    @Test
    void shouldKeepFileNameIdWhenFileIsEdited() throws IOException {
        Path file = write("story.final.txt", "Title\nFirst draft\n");
        String before = single(read(file.toString())).id();
        Files.writeString(file, "Better title\nSecond draft, much longer\n");

        String after = single(read(file.toString())).id();

        assertEquals("story.final", before, "only the last extension is dropped");
        assertEquals(before, after);
    }

    @Test
    void shouldReportUnterminatedFrontMatter() throws IOException {
        Path file = write("open.md", "---\ntitle: Never closed\n\nBody text\n");

        ReadReport report = read(file.toString());

        assertEquals(List.of(), report.articles());
        assertEquals(List.of(new ReadProblem(file + ":1",
                "front matter is not closed: add a '---' line after its last key")), report.problems());
    }

    @Test
    void shouldReportInvalidFrontMatterYamlOnItsFileLine() throws IOException {
        Path file = write("bad.md", "---\ntitle: ok\nauthor: a: b\n---\nBody\n");

        ReadReport report = read(file.toString());

        assertEquals(List.of(), report.articles());
        ReadProblem problem = single(report.problems());
        assertEquals(file + ":3", problem.location());
        assertEquals("front matter is not valid YAML: mapping values are not allowed here", problem.message());
        assertEquals(file + ":3: front matter is not valid YAML: mapping values are not allowed here", problem.describe());
    }

    @Test
    void shouldReportEmptyFile() throws IOException {
        Path file = write("notes.txt", "");

        assertEquals(List.of(new ReadProblem(file.toString(), "file is empty")), read(file.toString()).problems());
    }

    @Test
    void shouldReportFileOfBlankLines() throws IOException {
        Path file = write("notes.txt", "\n  \n\t\n");

        assertEquals(List.of(new ReadProblem(file.toString(), "file contains only blank lines")),
                read(file.toString()).problems());
    }

    @Test
    void shouldReportFileWithTitleButNoBody() throws IOException {
        Path file = write("title-only.md", "# Just a title\n\n");

        assertEquals(List.of(new ReadProblem(file.toString(), "file has a title line but no body")),
                read(file.toString()).problems());
    }

    @Test
    void shouldReadCrlfLineEndingsAndByteOrderMark() throws IOException {
        Path file = dir.resolve("windows.md");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "---\r\ntitle: Windows\r\ndate: 2023-01-02\r\n---\r\nLine one\r\nLine two\r\n".getBytes(UTF_8)));

        Article article = single(read(file.toString()));

        assertEquals("Windows", article.title());
        assertEquals(Instant.parse("2023-01-02T00:00:00Z"), article.publishedAt());
        assertEquals("Line one\nLine two", article.body());
    }

    @Test
    void shouldSkipLeadingLineOfUnicodeSpaces() throws IOException {
        Path file = write("spaced.txt", "\u2003\u3000\nTitle\nBody\n");

        assertEquals("Title", single(read(file.toString())).title());
    }

    // --- content that is not text ----------------------------------------------------------

    @Test
    void shouldSkipBinaryFile() throws IOException {
        Path file = dir.resolve("image.txt");
        Files.write(file, new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 0, 1, 2, '\n', 'x'});

        ReadReport report = read(file.toString());

        assertEquals(List.of(), report.articles());
        assertEquals(List.of(new ReadProblem(file.toString(), "file is binary (it contains NUL bytes)")),
                report.problems());
    }

    @Test
    void shouldSkipBinaryFileWhoseNulBytesComeLate() throws IOException {
        Path file = dir.resolve("mixed.txt");
        Files.write(file, concat("Title\nBody\n".getBytes(UTF_8), new byte[] {0, 1, 2}));

        assertEquals(List.of(new ReadProblem(file.toString(), "file is binary (it contains NUL bytes)")),
                read(file.toString()).problems());
    }

    @Test
    void shouldSkipFileThatIsNotUtf8NamingTheLine() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "Caf\u00e9 title\nBody\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertEquals(List.of(new ReadProblem(file.toString(), "file is not UTF-8 text (invalid byte sequence on line 1)")),
                read(file.toString()).problems());
    }

    @Test
    void shouldTellUtf16FileApartFromBinary() throws IOException {
        Path file = dir.resolve("notepad.txt");
        Files.write(file, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Title\nBody\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));

        assertEquals(List.of(new ReadProblem(file.toString(), "file is UTF-16 text; only UTF-8 is read, so save it as UTF-8")),
                read(file.toString()).problems());
    }

    // --- paths and directories -------------------------------------------------------------

    @Test
    void shouldReadDirectoryRecursivelyInPathOrderSkippingHiddenFiles() throws IOException {
        write("b.md", "---\ntitle: B\n---\nBody B\n");
        write("a/z.txt", "Title Z\nBody Z\n");
        write("a/m.jsonl", "{\"id\":\"m1\",\"body\":\"one\"}\n{\"id\":\"m2\",\"body\":\"two\"}\n");
        write("c/d/deep.txt", "Deep\nDown\n");
        write(".hidden.txt", "Hidden\nNot read\n");
        write(".git/config", "[core]\nbare = false\n");
        write("c/.draft.md", "Draft\nNot read\n");
        Files.write(dir.resolve("c/photo.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, '\n'});

        ReadReport report = read(dir.toString());

        assertEquals(List.of("m1", "m2", "z", "b", "deep"), ids(report));
        assertEquals(List.of(
                dir.resolve("a/m.jsonl") + ":1", dir.resolve("a/m.jsonl") + ":2", dir.resolve("a/z.txt").toString(),
                dir.resolve("b.md").toString(), dir.resolve("c/d/deep.txt").toString()), origins(report));
        assertEquals(List.of(new ReadProblem(dir.resolve("c/photo.jpg").toString(), "file is binary (it contains NUL bytes)")),
                report.problems(), "a bad file does not stop the others");
    }

    @Test
    void shouldReportMissingPathAndGoOnWithTheNextOne() throws IOException {
        Path missing = dir.resolve("nope.txt");
        Path present = write("yes.txt", "Yes\nBody\n");

        ReadReport report = read(missing.toString(), present.toString());

        assertEquals(List.of("yes"), ids(report));
        assertEquals(List.of(new ReadProblem(missing.toString(), "file not found")), report.problems());
    }

    @Test
    void shouldReadExplicitlyGivenHiddenFile() throws IOException {
        Path file = write(".notes", "Notes\nBody\n");

        assertEquals(List.of(".notes"), ids(read(file.toString())));
    }

    @Test
    void shouldReportBrokenSymbolicLinkInDirectory() throws IOException {
        write("ok.txt", "Ok\nBody\n");
        Path link = dir.resolve("gone.txt");
        Files.createSymbolicLink(link, dir.resolve("missing-target.txt"));

        ReadReport report = read(dir.toString());

        assertEquals(List.of("ok"), ids(report));
        assertEquals(List.of(new ReadProblem(link.toString(), "symbolic link points to nothing")), report.problems());
    }

    // --- standard input --------------------------------------------------------------------

    @Test
    void shouldReadJsonLinesFromStdin() {
        ReadReport report = ArticleSources.read(List.of("-"), stdin("""

                {"id":"s1","body":"one"}
                {"id":"s2"}
                {"id":"s3","body":"three"}
                """));

        assertEquals(List.of("s1", "s3"), ids(report));
        assertEquals(List.of("stdin:2", "stdin:4"), origins(report));
        assertEquals(List.of(new ReadProblem("stdin:3", "field 'body' is missing")), report.problems());
    }

    @Test
    void shouldReadPlainTextFromStdinWithContentDerivedId() {
        ReadReport report = ArticleSources.read(List.of("-"), stdin("# Breaking news\n\nSomething happened.\n"));

        Article article = single(report);
        assertEquals("Breaking news", article.title());
        assertEquals("Something happened.", article.body());
        assertEquals(ArticleIds.derive("Breaking news", "Something happened.", null), article.id());
        assertEquals("stdin", report.articles().get(0).origin());
    }

    @Test
    void shouldReadFrontMatterFromStdin() {
        Article article = single(ArticleSources.read(List.of("-"),
                stdin("---\ntitle: Piped\nauthor: Bo\n---\nPiped body\n")));

        assertEquals("Piped", article.title());
        assertEquals("Bo", article.author());
        assertEquals(ArticleIds.derive("Piped", "Piped body", null), article.id());
    }

    @Test
    void shouldReadPrettyPrintedJsonObjectFromStdin() {
        ReadReport report = ArticleSources.read(List.of("-"), stdin("{\n  \"id\": \"pp\",\n  \"body\": \"b\"\n}\n"));

        assertEquals(List.of("pp"), ids(report));
        assertEquals(List.of("stdin"), origins(report));
    }

    @Test
    void shouldReadJsonArrayFromStdin() {
        ReadReport report = ArticleSources.read(List.of("-"), stdin("\n[{\"id\":\"a1\",\"body\":\"b\"},\n {\"id\":\"a2\",\"body\":\"b\"}]\n"));

        assertEquals(List.of("a1", "a2"), ids(report), report.problems().toString());
        assertEquals(List.of("stdin:2", "stdin:3"), origins(report));
    }

    @Test
    void shouldReadStdinStartingWithMarkdownLinkAsText() {
        Article article = single(ArticleSources.read(List.of("-"), stdin("[Example](https://example.com) reports\nBody\n")));

        assertEquals("[Example](https://example.com) reports", article.title());
    }

    @Test
    void shouldReportEmptyStdin() {
        assertEquals(List.of(new ReadProblem("stdin", "input is empty")),
                ArticleSources.read(List.of("-"), stdin("")).problems());
    }

    @Test
    void shouldReadStdinOnlyOnce() {
        ReadReport report = ArticleSources.read(List.of("-", "-"), stdin("{\"id\":\"once\",\"body\":\"b\"}\n"));

        assertEquals(List.of("once"), ids(report));
        assertEquals(List.of(new ReadProblem("stdin", "standard input was already read ('-' is given more than once)")),
                report.problems());
    }

    @Test
    void shouldNotCloseStdin() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream("{\n\"id\":\"x\",\"body\":\"b\"}\n".getBytes(UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        ArticleSources.read(List.of("-"), in);

        assertFalse(closed[0], "stdin belongs to the caller");
    }

    // --- streaming -------------------------------------------------------------------------

    @Test
    void shouldHandOverArticlesAndProblemsInInputOrder() throws IOException {
        Path file = write("mixed.jsonl", "{\"id\":\"1\",\"body\":\"b\"}\n{}\n{\"id\":\"3\",\"body\":\"b\"}\n");
        List<String> events = new ArrayList<>();

        ArticleSources.forEach(List.of(file.toString()), NO_STDIN,
                article -> events.add("article " + article.origin()),
                problem -> events.add("problem " + problem.location()));

        assertEquals(List.of("article " + file + ":1", "problem " + file + ":2", "article " + file + ":3"), events);
    }

    @Test
    void shouldLetConsumerExceptionEndTheReading() throws IOException {
        Path file = write("two.jsonl", "{\"id\":\"1\",\"body\":\"b\"}\n{\"id\":\"2\",\"body\":\"b\"}\n");
        List<String> seen = new ArrayList<>();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ArticleSources.forEach(
                List.of(file.toString()), NO_STDIN,
                article -> {
                    seen.add(article.article().id());
                    throw new IllegalStateException("broker down");
                },
                problem -> seen.add("problem")));

        assertEquals("broker down", thrown.getMessage());
        assertEquals(List.of("1"), seen, "a publishing failure is not turned into a read problem");
    }

    // --- helpers ---------------------------------------------------------------------------

    private static ReadReport read(String... paths) {
        return ArticleSources.read(List.of(paths), NO_STDIN);
    }

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(UTF_8));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static Path seeds() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ArticleSourcesTest.class.getResource("/seeds"), "seeds on the test classpath").toURI());
    }

    private static Article single(ReadReport report) {
        assertEquals(List.of(), report.problems());
        assertEquals(1, report.articles().size(), report.articles().toString());
        return report.articles().get(0).article();
    }

    private static <T> T single(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    private static List<String> ids(ReadReport report) {
        return report.articles().stream().map(a -> a.article().id()).toList();
    }

    private static List<String> origins(ReadReport report) {
        return report.articles().stream().map(SourcedArticle::origin).toList();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
