package io.topictracker.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The wire format of the {@code articles} topic: UTF-8 JSON
 * {@code {"id","title","body","url","source","author","publishedAt"}}.
 *
 * <p>Decoding is strict and says why a value is rejected, because that reason travels with the
 * record to the dead-letter topic. Unknown fields are ignored so producers may add their own.
 */
public final class ArticleJson {

    private static final String[] OPTIONAL_TEXT_FIELDS = {"id", "title", "url", "source", "author", "publishedAt"};

    private ArticleJson() {}

    /** Decodes one record value; never throws. */
    public static DecodedArticle decode(byte[] value) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            return new DecodedArticle.Invalid("value is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return new DecodedArticle.Invalid("value is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new DecodedArticle.Invalid(
                    "value must be a JSON object, got " + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return decode((ObjectNode) root);
    }

    /** Decodes an already parsed JSON object (used by the producer's JSON-lines reader). */
    public static DecodedArticle decode(ObjectNode object) {
        JsonNode body = object.get("body");
        if (body == null || body.isNull()) {
            return new DecodedArticle.Invalid("field 'body' is missing");
        }
        if (!body.isTextual()) {
            return new DecodedArticle.Invalid("field 'body' must be a string");
        }
        if (body.asText().isBlank()) {
            return new DecodedArticle.Invalid("field 'body' is blank");
        }
        for (String field : OPTIONAL_TEXT_FIELDS) {
            JsonNode node = object.get(field);
            if (node != null && !node.isNull() && !node.isTextual()) {
                return new DecodedArticle.Invalid("field '" + field + "' must be a string");
            }
        }
        Instant publishedAt = null;
        String published = text(object, "publishedAt");
        if (published != null) {
            try {
                publishedAt = parseInstant(published);
            } catch (DateTimeParseException e) {
                return new DecodedArticle.Invalid(
                        "field 'publishedAt' is not an ISO-8601 date or timestamp: '" + published + "'");
            }
        }
        String title = text(object, "title");
        String url = text(object, "url");
        String id = text(object, "id");
        if (id == null || id.isBlank()) {
            id = ArticleIds.derive(title, body.asText(), url);
        }
        return new DecodedArticle.Valid(new Article(
                id, title, body.asText(), url, text(object, "source"), text(object, "author"), publishedAt));
    }

    /** Encodes an article as the UTF-8 JSON value of an {@code articles} record. */
    public static byte[] encode(Article article) {
        try {
            return Json.mapper().writeValueAsBytes(article);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode article " + article.id(), e);
        }
    }

    /**
     * Accepts the ISO-8601 shapes people actually send: an instant ({@code 2024-02-06T10:00:00Z}),
     * a timestamp with offset, a local timestamp or a bare date (both read as UTC).
     */
    public static Instant parseInstant(String text) {
        String s = text.strip();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
    }

    private static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
