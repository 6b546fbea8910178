package io.topictracker.producer.source;

import java.util.Objects;

/**
 * Why a file, or one line of a JSON-lines file, was skipped. Meant to be shown to the person who
 * ran the producer, so the message says what is wrong in their terms, not in the parser's.
 *
 * @param location {@code path}, or {@code path:line} when one line (1-based) is at fault; standard
 *     input is named {@code stdin}
 * @param message what is wrong, without the location, e.g. {@code field 'body' is missing}
 */
public record ReadProblem(String location, String message) {

    public ReadProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** The problem as one line for the user, e.g. {@code data.jsonl:7: field 'body' is missing}. */
    public String describe() {
        return location + ": " + message;
    }
}
