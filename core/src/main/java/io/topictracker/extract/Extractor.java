package io.topictracker.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns an article's title and body into themes and named entities. Plain deterministic Java: the
 * topology, the {@code extract} command and the tests all call this same class.
 *
 * <p>Pipeline: {@link PageClutter} drops page chrome and repeated lines; each kept line is cut into
 * words once; themes are counted on their folded, stemmed tokens by the compiled taxonomy; entities
 * are found on the same words with their case intact. All state built in the constructor is
 * immutable, so one instance is shared by all stream threads.
 */
public final class Extractor {

    private final Taxonomy taxonomy;
    private final ThemeMatcher themes;
    private final EntityFinder entities;

    public Extractor(Taxonomy taxonomy) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.themes = new ThemeMatcher(taxonomy);
        this.entities = new EntityFinder(Gazetteer.withExtras(taxonomy.entities()));
    }

    public static Extractor withDefaultTaxonomy() {
        return new Extractor(Taxonomy.loadDefault());
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** Extracts themes and entities; thread-safe. {@code title} may be null. */
    public Extraction extract(String title, String body) {
        List<TextLine> lines = lines(title, body);
        Tokens tokens = Tokens.of(lines);
        return new Extraction(
                themes.count(tokens.list, tokens.breakBefore), entities.find(lines, tokens.lowerCaseStems));
    }

    /**
     * Each theme phrase match as "stemmed tokens -> [themes]", in text order: why an article got
     * its themes, for debugging a taxonomy.
     */
    public List<String> explainThemes(String title, String body) {
        Tokens tokens = Tokens.of(lines(title, body));
        return themes.explain(tokens.list, tokens.breakBefore);
    }

    /** The kept lines of the title and body; the title's own line is read as a headline. */
    private static List<TextLine> lines(String title, String body) {
        Objects.requireNonNull(body, "body");
        boolean hasTitle = title != null && !title.isBlank();
        // One pass over title and body together, so a body that repeats the title counts it once.
        List<String> kept = PageClutter.keptLines(hasTitle ? title + "\n" + body : body);
        List<TextLine> lines = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            String line = kept.get(i);
            boolean isTitle = i == 0 && hasTitle && line.equals(title.strip());
            lines.add(isTitle ? TextLine.title(line) : TextLine.of(line));
        }
        return lines;
    }

    /** The theme tokens of an article, with where punctuation separates them. */
    private static final class Tokens {
        final List<String> list = new ArrayList<>(1024);
        final Set<String> lowerCaseStems = new HashSet<>(512);
        boolean[] breakBefore = new boolean[1024];

        static Tokens of(List<TextLine> lines) {
            Tokens t = new Tokens();
            Stemmer stemmer = Stemmer.local();
            for (TextLine line : lines) {
                for (Word w : line.words()) {
                    int first = t.list.size();
                    Tokenizer.addThemeTokens(w, t.list, stemmer);
                    if (t.list.size() > t.breakBefore.length) {
                        t.breakBefore = Arrays.copyOf(t.breakBefore, Math.max(t.list.size(), 2 * t.breakBefore.length));
                    }
                    if (t.list.size() > first) {
                        // Lines are units of their own: no phrase runs from a heading into the next line.
                        t.breakBefore[first] = w.breakBefore();
                        if (w.lowerCase()) {
                            for (int k = first; k < t.list.size(); k++) {
                                t.lowerCaseStems.add(t.list.get(k));
                            }
                        }
                    }
                }
            }
            return t;
        }
    }
}
