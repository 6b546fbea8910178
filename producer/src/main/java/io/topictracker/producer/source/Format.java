package io.topictracker.producer.source;

import java.util.Locale;

/** How an input is read, as far as its name tells; the content decides the rest. */
enum Format {
    /** {@code .jsonl}, {@code .ndjson}: one JSON object per line, whatever the content looks like. */
    JSON_LINES,
    /** {@code .json}: JSON lines, or one JSON document (an object or an array of objects). */
    JSON,
    /** {@code .txt}, {@code .md}: text with optional front matter, never sniffed for JSON. */
    TEXT,
    /** Anything else, and standard input: JSON when it starts with '{' or "[{", else text. */
    SNIFF;

    static Format ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "jsonl", "ndjson" -> JSON_LINES;
            case "json" -> JSON;
            case "txt", "text", "md", "markdown" -> TEXT;
            default -> SNIFF;
        };
    }
}
