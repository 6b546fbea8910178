package io.topictracker.article;

/** Outcome of decoding one {@code articles} record value: a valid article or the reason it is not. */
public sealed interface DecodedArticle {

    record Valid(Article article) implements DecodedArticle {}

    record Invalid(String reason) implements DecodedArticle {}
}
