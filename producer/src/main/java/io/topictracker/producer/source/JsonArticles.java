package io.topictracker.producer.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.topictracker.article.ArticleJson;
import io.topictracker.article.DecodedArticle;
import io.topictracker.article.Json;
import io.topictracker.producer.source.LineReader.Line;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads articles in the wire format of the {@code articles} topic: JSON lines (one object per
 * line, decoded one line at a time so any size streams), or one JSON document holding an object or
 * an array of objects (streamed element by element).
 */
final class JsonArticles {

    /** Jackson appends "[Source: ...; line: 1, column: 2]" to some messages; we give the line ourselves. */
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(?\\s*(start marker at )?\\[Source: [^\\]]*\\]\\)?");

    /**
     * Reads one value at a time from a document: the shared mapper fails on anything after the
     * first value, which inside an array is the next element.
     */
    private static final ObjectReader ELEMENT_READER =
            Json.mapper().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonArticles() {}

    /** Whether a line is one complete JSON object, i.e. the input is JSON lines, not a pretty-printed document. */
    static boolean isObjectLine(String text) {
        try {
            return Json.mapper().readTree(text) instanceof ObjectNode;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Reads {@code first} and every following line as one JSON object each; blank lines are skipped. */
    static void lines(Origin origin, Line first, LineReader reader, Sink sink) throws IOException {
        for (Line line = first; line != null; line = reader.next()) {
            if (line.tooLong() || !StreamReader.isBlank(line.bytes())) {
                line(origin, line, sink);
            }
        }
    }

    private static void line(Origin origin, Line line, Sink sink) {
        if (line.tooLong()) {
            sink.problem(origin.display(), line.number(), "line is longer than 16 MiB");
            return;
        }
        String text = StreamReader.utf8(line.bytes());
        if (text == null) {
            sink.problem(origin.display(), line.number(), "line is not valid UTF-8");
            return;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            sink.problem(origin.display(), line.number(), "line is not valid JSON: " + describe(e, true));
            return;
        }
        emit(origin, line.number(), line.number(), node, "line", sink);
    }

    /**
     * Reads the input as one JSON document, replaying the lines already consumed while sniffing.
     * An object is one article; an array gives one article per element, each located by the line
     * it starts on. A syntax error ends the input, since nothing after it can be trusted.
     */
    static void document(Origin origin, List<Line> consumed, LineReader reader, Sink sink) throws IOException {
        ByteArrayOutputStream replay = new ByteArrayOutputStream();
        for (Line line : consumed) {
            replay.write(line.bytes());
            replay.write('\n'); // one byte per line ending keeps Jackson's line numbers equal to ours
        }
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(replay.toByteArray()), reader.remaining());
        try (JsonParser parser = ELEMENT_READER.createParser(in)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                long line = parser.currentTokenLocation().getLineNr();
                emit(origin, 0, line, ELEMENT_READER.readTree(parser), "document", sink);
            } else if (token == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    long line = parser.currentTokenLocation().getLineNr();
                    emit(origin, line, line, ELEMENT_READER.readTree(parser), "array element", sink);
                }
            } else {
                sink.problem(origin.display(), 0, origin.noun() + " is not a JSON object or array");
                return;
            }
            if (parser.nextToken() != null) {
                sink.problem(origin.display(), parser.currentTokenLocation().getLineNr(),
                        "unexpected content after the end of the JSON document"
                                + " (for several objects, use an array or one object per line)");
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            long line = location == null || location.getLineNr() < 1 ? 0 : location.getLineNr();
            sink.problem(origin.display(), line, "not valid JSON, the rest of the " + origin.noun()
                    + " is skipped: " + describe(e, false));
        }
    }

    /**
     * @param articleLine the line to name as the article's origin (0: the whole input)
     * @param problemLine the line to name if the value is rejected
     */
    private static void emit(Origin origin, long articleLine, long problemLine, JsonNode node, String what, Sink sink) {
        if (!(node instanceof ObjectNode object)) {
            sink.problem(origin.display(), problemLine, what + " is not a JSON object but " + describe(node));
            return;
        }
        DecodedArticle decoded = ArticleJson.decode(object);
        if (decoded instanceof DecodedArticle.Valid valid) {
            sink.article(valid.article(), origin.display(), articleLine);
        } else if (decoded instanceof DecodedArticle.Invalid invalid) {
            sink.problem(origin.display(), articleLine == 0 ? 0 : problemLine, invalid.reason());
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Jackson's message without its location noise, plus the column when the line is long. */
    private static String describe(JsonProcessingException e, boolean withColumn) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String message = SOURCE_NOTE.matcher(original.lines().findFirst().orElse("")).replaceAll("").strip();
        JsonLocation location = e.getLocation();
        if (withColumn && location != null && location.getColumnNr() > 0) {
            message += " (column " + location.getColumnNr() + ")";
        }
        return message;
    }
}
