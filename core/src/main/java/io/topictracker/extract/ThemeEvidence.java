package io.topictracker.extract;

import java.util.List;

/**
 * Why an article counts for a theme: where its phrases matched and the text around the first match,
 * so a reader of the counts can check them ({@code GET /api/articles/{id}}, the {@code extract}
 * command).
 *
 * @param offsets character offsets of the first matches (at most {@link #MAX_OFFSETS}), in text order,
 *     into the article's text as the extractor reads it: {@code title + "\n" + body}, or the body
 *     alone when the title is null or blank
 * @param snippet the kept line around the first match, at most about {@link #SNIPPET_LENGTH}
 *     characters, whitespace collapsed, "…" where it was cut
 */
public record ThemeEvidence(List<Integer> offsets, String snippet) {

    /** Enough to find the matches; the count of all of them is in {@link Extraction#themes()}. */
    public static final int MAX_OFFSETS = 5;

    /** About two lines of a news page: enough to judge the match, small enough to store per article. */
    public static final int SNIPPET_LENGTH = 160;

    public ThemeEvidence {
        offsets = offsets == null ? List.of() : List.copyOf(offsets);
        snippet = snippet == null ? "" : snippet;
    }
}
