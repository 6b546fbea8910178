package io.topictracker.producer.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.topictracker.article.ArticleJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns the lines of a text article into its fields: YAML front matter between {@code ---} lines
 * if the text starts with one, else the first non-empty line as the title and the rest as the body.
 *
 * <p>Pure: no I/O, no ids; the caller decides the id when the front matter gives none.
 */
final class TextArticles {

    /**
     * Outcome of parsing one text: the fields of an article, or why the text is not one.
     */
    sealed interface Result permits Parsed, Failed {}

    /** The fields found; {@code id} is {@code null} unless the front matter sets it. */
    record Parsed(String id, String title, String body, String url, String source, String author, Instant publishedAt)
            implements Result {}

    /**
     * @param line 1-based line at fault, or 0 when the text as a whole is
     */
    record Failed(long line, String message) implements Result {}

    /** The front-matter keys the article uses; any others (tags, ShowToc, ...) are ignored. */
    private static final List<String> TEXT_KEYS = List.of("id", "title", "url", "source", "author");

    private static final YAMLMapper YAML = new YAMLMapper();

    /** A Markdown ATX heading marker: 1-6 '#' followed by a space or nothing ("#hashtag" is text). */
    private static final Pattern HEADING_OPEN = Pattern.compile("^#{1,6}(?=\\s|$)\\s*");

    private static final Pattern HEADING_CLOSE = Pattern.compile("\\s+#+\\s*$");

    /** A thematic break or setext underline ("*****", "---", "===", "_ _ _"): never a title. */
    private static final Pattern RULE = Pattern.compile("^\\s*([*\\-_=])(\\s*\\1){2,}\\s*$");

    /**
     * YAML's own timestamp form, which Jekyll writes: a space instead of 'T' and an optional offset
     * after another space ({@code 2022-11-23 10:00:00 +0100}). Plain ISO-8601 is tried first.
     */
    private static final DateTimeFormatter SPACED_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    /**
     * The byline of a scraped blog page ("Posted on February 6, 2024 by Charles Dyer"). Such pages
     * open with navigation ("Skip to content", "Menu", ...): the title is the line above the byline.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "^\\s*(?:Posted|Published) on\\s+(?<date>[A-Z][a-z]+ \\d{1,2}, \\d{4})\\S*.*?\\bby\\s+(?<author>[^|\\n]+?)\\s*$");

    private static final int BYLINE_SEARCH_LINES = 40;

    private static final DateTimeFormatter BYLINE_DATE = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

    private TextArticles() {}

    /**
     * @param lines the decoded lines of the input, line 1 first, without terminators
     * @param noun "file" or "input", for messages about the whole text
     */
    static Result parse(List<String> lines, String noun) {
        if (!lines.isEmpty() && isFence(lines.get(0))) {
            return withFrontMatter(lines, noun);
        }
        return plain(lines, noun);
    }

    private static Result plain(List<String> lines, String noun) {
        Result scraped = scrapedPage(lines);
        if (scraped != null) {
            return scraped;
        }
        int titleIndex = firstTitleLine(lines, 0);
        if (titleIndex < 0) {
            return new Failed(0, noun + " has no text, only separator lines");
        }
        int bodyStart = titleIndex + 1;
        // "Title\n=====" is a setext heading: the underline belongs to the title, not the body.
        if (bodyStart < lines.size() && RULE.matcher(lines.get(bodyStart)).matches()) {
            bodyStart++;
        }
        String body = join(lines, bodyStart, lines.size());
        if (body.isEmpty()) {
            return new Failed(0, noun + " has a title line but no body");
        }
        return new Parsed(null, headingText(lines.get(titleIndex)), body, null, null, null, null);
    }

    private static Result withFrontMatter(List<String> lines, String noun) {
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (isFence(lines.get(i)) || lines.get(i).stripTrailing().equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return new Failed(1, "front matter is not closed: add a '---' line after its last key");
        }
        Map<String, JsonNode> fields;
        try {
            fields = frontMatterFields(lines, close);
        } catch (FrontMatterException e) {
            return new Failed(e.line, e.getMessage());
        }
        String body = join(lines, close + 1, lines.size());
        if (body.isEmpty()) {
            return new Failed(0, noun + " has front matter but no body after it");
        }
        try {
            String title = text(fields, "title", lines, close);
            if (title == null) {
                int titleIndex = firstTitleLine(lines, close + 1);
                title = titleIndex < 0 ? null : headingText(lines.get(titleIndex));
            }
            return new Parsed(
                    text(fields, "id", lines, close),
                    title,
                    body,
                    text(fields, "url", lines, close),
                    text(fields, "source", lines, close),
                    text(fields, "author", lines, close),
                    publishedAt(fields, lines, close));
        } catch (FrontMatterException e) {
            return new Failed(e.line, e.getMessage());
        }
    }

    /** The front matter's keys, lower-cased so "Title:" and "title:" both work. */
    private static Map<String, JsonNode> frontMatterFields(List<String> lines, int close)
            throws FrontMatterException {
        JsonNode root;
        try {
            root = YAML.readTree(String.join("\n", lines.subList(1, close)));
        } catch (JsonProcessingException e) {
            throw yamlProblem(e);
        }
        Map<String, JsonNode> fields = new HashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return fields; // "---\n---": empty front matter is allowed
        }
        if (!(root instanceof ObjectNode object)) {
            throw new FrontMatterException(2, "front matter must be 'key: value' lines, not a YAML "
                    + root.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            fields.putIfAbsent(field.getKey().toLowerCase(Locale.ROOT), field.getValue());
        }
        return fields;
    }

    private static FrontMatterException yamlProblem(JsonProcessingException e) {
        // Jackson's own location often points at the start of the construct, and its message
        // repeats a snippet over several lines; SnakeYAML's marks say where the problem is.
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            StringBuilder message = new StringBuilder("front matter is not valid YAML: ").append(marked.getProblem());
            Mark context = marked.getContextMark();
            if (marked.getContext() != null) {
                message.append(" (").append(marked.getContext());
                if (context != null) {
                    message.append(" that starts on line ").append(fileLine(context.getLine()));
                }
                message.append(')');
            }
            Mark problem = marked.getProblemMark();
            return new FrontMatterException(problem == null ? 1 : fileLine(problem.getLine()), message.toString());
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        long line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? 1 : e.getLocation().getLineNr() + 1;
        return new FrontMatterException(line, "front matter is not valid YAML: " + original);
    }

    /** SnakeYAML's 0-based line within the front matter, as a 1-based line of the file. */
    private static long fileLine(int yamlLine) {
        return yamlLine + 2L;
    }

    private static String text(Map<String, JsonNode> fields, String key, List<String> lines, int close)
            throws FrontMatterException {
        JsonNode node = fields.get(key.toLowerCase(Locale.ROOT));
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new FrontMatterException(keyLine(lines, close, key), "front matter field '" + key
                    + "' must be a single value, not a YAML " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    private static Instant publishedAt(Map<String, JsonNode> fields, List<String> lines, int close)
            throws FrontMatterException {
        String key = fields.containsKey("publishedat") ? "publishedAt" : "date";
        String value = text(fields, key, lines, close);
        if (value == null) {
            return null;
        }
        Instant instant = parseDate(value);
        if (instant == null) {
            throw new FrontMatterException(keyLine(lines, close, key), "front matter field '" + key
                    + "' is not a date or timestamp: '" + value + "' (expected e.g. 2024-02-06 or 2024-02-06T10:00:00Z)");
        }
        return instant;
    }

    /**
     * Jackson's YAML parser hands dates over as text (SnakeYAML's own loader would make them
     * {@code java.util.Date}s), so parsing the text covers quoted and unquoted dates alike.
     */
    static Instant parseDate(String value) {
        try {
            return ArticleJson.parseInstant(value);
        } catch (DateTimeParseException notIso) {
            try {
                TemporalAccessor parsed = SPACED_TIMESTAMP.parseBest(value.strip(), OffsetDateTime::from, LocalDateTime::from);
                return parsed instanceof OffsetDateTime offset
                        ? offset.toInstant()
                        : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notSpaced) {
                return null;
            }
        }
    }

    /** The file line where a front-matter key is set, so a bad value is reported where it is. */
    private static long keyLine(List<String> lines, int close, String key) {
        Pattern keyPattern = Pattern.compile("^\\s*[\"']?" + Pattern.quote(key) + "[\"']?\\s*:", Pattern.CASE_INSENSITIVE);
        for (int i = 1; i < close; i++) {
            if (keyPattern.matcher(lines.get(i)).find()) {
                return i + 1L;
            }
        }
        return 1;
    }

    /** A scraped page with a byline near the top: title above it, author and date from it. */
    private static Result scrapedPage(List<String> lines) {
        for (int i = 1; i < Math.min(lines.size(), BYLINE_SEARCH_LINES); i++) {
            Matcher byline = BYLINE.matcher(lines.get(i));
            if (!byline.matches()) {
                continue;
            }
            int titleIndex = i - 1;
            while (titleIndex >= 0 && lines.get(titleIndex).isBlank()) {
                titleIndex--;
            }
            String body = join(lines, i + 1, lines.size());
            if (titleIndex < 0 || body.isEmpty()) {
                return null;
            }
            Instant publishedAt;
            try {
                publishedAt = LocalDate.parse(byline.group("date"), BYLINE_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                publishedAt = null;
            }
            return new Parsed(null, headingText(lines.get(titleIndex)), body, null, null, byline.group("author").strip(), publishedAt);
        }
        return null;
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals("---");
    }

    /** Index of the first line from {@code from} that can be a title, or -1. */
    private static int firstTitleLine(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank() && !RULE.matcher(line).matches() && !headingText(line).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static String headingText(String line) {
        String text = HEADING_OPEN.matcher(line.strip()).replaceFirst("");
        return HEADING_CLOSE.matcher(text).replaceFirst("").strip();
    }

    private static String join(List<String> lines, int from, int to) {
        return from >= to ? "" : String.join("\n", lines.subList(from, to)).strip();
    }

    /** A front-matter value the article cannot use, and the file line it is on. */
    private static final class FrontMatterException extends Exception {

        private final long line;

        FrontMatterException(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
