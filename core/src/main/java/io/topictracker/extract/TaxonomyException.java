package io.topictracker.extract;

/** A taxonomy file that cannot be used; the message names the file and what is wrong. */
public final class TaxonomyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
