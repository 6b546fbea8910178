package io.topictracker.producer.source;

import java.util.List;

/**
 * Everything {@link ArticleSources#read} found: the articles in input order and the problems that
 * made it skip files or lines. Holds all articles in memory; use {@link ArticleSources#forEach} for
 * inputs too large for that.
 */
public record ReadReport(List<SourcedArticle> articles, List<ReadProblem> problems) {

    public ReadReport {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
