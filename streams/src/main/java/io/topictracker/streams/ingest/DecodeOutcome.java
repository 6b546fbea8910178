package io.topictracker.streams.ingest;

import io.topictracker.article.Article;

/** What one {@code articles} record means to the pipeline: an article to upsert, a delete, or a reject. */
public sealed interface DecodeOutcome {

    /** A valid article; {@code rekeyed} when the record had no key and is now keyed by the article id. */
    record Accepted(Article article, boolean rekeyed) implements DecodeOutcome {}

    /** A tombstone: remove the article with this record's key. */
    record Deleted() implements DecodeOutcome {}

    /** A malformed record, kept byte for byte for the dead-letter topic. */
    record Rejected(String reason, byte[] rawValue) implements DecodeOutcome {}
}
