package io.topictracker.producer.source;

import io.topictracker.article.Article;
import io.topictracker.article.ArticleIds;
import io.topictracker.producer.source.LineReader.Line;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one input (a file or standard input): looks at its first non-blank line to pick JSON or
 * text, rejects binary and non-UTF-8 content, and hands the rest to {@link JsonArticles} or
 * {@link TextArticles}. Only the JSON readers stream; a text input is one article and is read whole.
 */
final class StreamReader {

    /** A text input is one article; this bounds memory for a mistaken huge file. */
    static final long MAX_TEXT_BYTES = LineReader.MAX_LINE_BYTES;

    /**
     * A first line that opens a JSON array of objects: "[" alone or "[{...". A bare '[' is not
     * enough, since Markdown text may well start with a [link](...).
     */
    private static final Pattern JSON_ARRAY_START = Pattern.compile("\\s*\\[\\s*(\\{.*)?");

    private StreamReader() {}

    /** Reads {@code in} to the end (or to the first fatal problem); I/O errors are the caller's to report. */
    static void read(Origin origin, InputStream in, Format format, Sink sink) throws IOException {
        LineReader reader = new LineReader(in);
        List<Line> head = new ArrayList<>();
        Line first = null;
        for (Line line = reader.next(); line != null; line = reader.next()) {
            head.add(line);
            if (line.tooLong() || !isBlank(line.bytes())) {
                first = line;
                break;
            }
        }
        String noun = origin.noun();
        if (first == null) {
            sink.problem(origin.display(), 0, noun + (head.isEmpty() ? " is empty" : " contains only blank lines"));
            return;
        }
        byte[] bytes = first.bytes();
        if (first.number() == 1 && bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            sink.problem(origin.display(), 0, noun + " is UTF-16 text; only UTF-8 is read, so save it as UTF-8");
            return;
        }
        if (hasNul(bytes)) {
            sink.problem(origin.display(), 0, noun + " is binary (it contains NUL bytes)");
            return;
        }
        if (format == Format.JSON_LINES) {
            JsonArticles.lines(origin, first, reader, sink);
            return;
        }
        if (first.tooLong()) {
            sink.problem(origin.display(), 0, noun + " is larger than 16 MiB, too large for one article");
            return;
        }
        String text = utf8(bytes);
        if (text == null) {
            sink.problem(origin.display(), 0, notUtf8(noun, first.number()));
            return;
        }
        String stripped = text.strip();
        // a line of Unicode spaces is not blank byte-wise but strips to nothing
        char start = stripped.isEmpty() ? ' ' : stripped.charAt(0);
        switch (format) {
            case JSON -> {
                if (start == '{' || start == '[') {
                    json(origin, head, text, reader, sink);
                } else {
                    sink.problem(origin.display(), first.number(), noun + " is not JSON: it should start with '{' or '['");
                }
            }
            case SNIFF -> {
                if (start == '{' || JSON_ARRAY_START.matcher(text).matches()) {
                    json(origin, head, text, reader, sink);
                } else {
                    text(origin, head, reader, sink);
                }
            }
            default -> text(origin, head, reader, sink);
        }
    }

    private static void json(Origin origin, List<Line> head, String firstText, LineReader reader, Sink sink)
            throws IOException {
        if (JsonArticles.isObjectLine(firstText)) {
            JsonArticles.lines(origin, head.get(head.size() - 1), reader, sink);
        } else {
            JsonArticles.document(origin, head, reader, sink);
        }
    }

    private static void text(Origin origin, List<Line> head, LineReader reader, Sink sink) throws IOException {
        String noun = origin.noun();
        List<String> lines = new ArrayList<>();
        long size = 0;
        for (int i = 0; ; i++) {
            Line line = i < head.size() ? head.get(i) : reader.next();
            if (line == null) {
                break;
            }
            size += line.bytes().length + 1;
            if (line.tooLong() || size > MAX_TEXT_BYTES) {
                sink.problem(origin.display(), 0, noun + " is larger than 16 MiB, too large for one article");
                return;
            }
            if (hasNul(line.bytes())) {
                sink.problem(origin.display(), 0, noun + " is binary (it contains NUL bytes)");
                return;
            }
            String text = utf8(line.bytes());
            if (text == null) {
                sink.problem(origin.display(), 0, notUtf8(noun, line.number()));
                return;
            }
            lines.add(text);
        }
        TextArticles.Result result = TextArticles.parse(lines, noun);
        if (result instanceof TextArticles.Failed failed) {
            sink.problem(origin.display(), failed.line(), failed.message());
        } else if (result instanceof TextArticles.Parsed parsed) {
            String id = parsed.id();
            if (id == null) {
                // A file's name is a stable id: re-publishing an edited file replaces its article.
                id = origin.fileId() != null
                        ? origin.fileId()
                        : ArticleIds.derive(parsed.title(), parsed.body(), parsed.url());
            }
            Article article = new Article(id, parsed.title(), parsed.body(), parsed.url(), parsed.source(),
                    parsed.author(), parsed.publishedAt());
            sink.article(article, origin.display(), 0);
        }
    }

    private static String notUtf8(String noun, long line) {
        return noun + " is not UTF-8 text (invalid byte sequence on line " + line + ")";
    }

    /** Strict UTF-8: {@code null} for malformed input, where {@code new String} would silently substitute. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
