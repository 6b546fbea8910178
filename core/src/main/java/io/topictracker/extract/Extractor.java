package io.topictracker.extract;

/**
 * Turns an article's title and body into themes and named entities. Plain deterministic Java: the
 * topology, the {@code extract} command and the tests all call this same class.
 */
public final class Extractor {

    private final Taxonomy taxonomy;

    public Extractor(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public static Extractor withDefaultTaxonomy() {
        return new Extractor(Taxonomy.loadDefault());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Extracts themes and entities; thread-safe. {@code title} may be null. */
    public Extraction extract(String title, String body) {
        throw new UnsupportedOperationException("TODO(helper A)");
    }
}
