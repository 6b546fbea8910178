package io.topictracker.producer.source;

import io.topictracker.article.Article;
import java.util.function.Consumer;

/** Where the readers hand what they find, in input order; builds origins and locations in one way. */
record Sink(Consumer<? super SourcedArticle> articles, Consumer<? super ReadProblem> problems) {

    /** @param line 1-based line of a JSON record, or 0 when the article is the whole input */
    void article(Article article, String display, long line) {
        articles.accept(new SourcedArticle(article, locate(display, line)));
    }

    /** @param line 1-based line at fault, or 0 when the problem concerns the whole input */
    void problem(String display, long line, String message) {
        problems.accept(new ReadProblem(locate(display, line), message));
    }

    private static String locate(String display, long line) {
        return line > 0 ? display + ":" + line : display;
    }
}
