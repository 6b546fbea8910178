package io.topictracker.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns an article's title and body into themes (with evidence) and named entities. Plain
 * deterministic Java: the topology, the {@code extract} command and the tests all call this same
 * class.
 *
 * <p>Pipeline: {@link PageClutter} drops page chrome and repeated lines; each kept line is cut into
 * words once; themes are counted on their folded, stemmed tokens by the compiled taxonomy, each match
 * remembered by its character offset; entities are found on the same words with their case intact.
 * All state built in the constructor is immutable, so one instance is shared by all stream threads.
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

    /**
     * Extracts themes, evidence and entities; thread-safe. {@code title} may be null. Evidence offsets
     * index {@code title + "\n" + body}, or {@code body} when the title is null or blank.
     */
    public Extraction extract(String title, String body) {
        Lexicon lexicon = Lexicon.local();
        lexicon.beginArticle();
        Article article = Article.of(title, body);
        Tokens tokens = Tokens.of(article.lines, lexicon, themes);
        ThemeMatcher.Hits hits = themes.collect(tokens.tokens, tokens.breakBefore, tokens.size, tokens.starts,
                tokens.startCount);
        SortedMap<String, Integer> counts = new TreeMap<>();
        SortedMap<String, ThemeEvidence> evidence = new TreeMap<>();
        for (int t = 0; t < themes.themeCount(); t++) {
            if (hits.counts[t] == 0) {
                continue;
            }
            String name = themes.themeName(t);
            counts.put(name, hits.counts[t]);
            int shown = Math.min(hits.counts[t], ThemeEvidence.MAX_OFFSETS);
            Integer[] offsets = new Integer[shown];
            for (int k = 0; k < shown; k++) {
                offsets[k] = tokens.offset[hits.firstWords[t][k]];
            }
            int first = hits.firstWords[t][0];
            evidence.put(name, new ThemeEvidence(Arrays.asList(offsets),
                    snippet(article.lines.get(tokens.line[first]), tokens.offset[first])));
        }
        return new Extraction(counts, entities.find(article.lines, lexicon), taxonomy.version(), evidence);
    }

    /**
     * Each theme phrase match as "stemmed tokens -> [themes]", in text order: why an article got
     * its themes, for debugging a taxonomy.
     */
    public List<String> explainThemes(String title, String body) {
        Lexicon lexicon = Lexicon.local();
        lexicon.beginArticle();
        Tokens tokens = Tokens.of(Article.of(title, body).lines, lexicon, themes);
        return themes.explain(tokens.tokens, tokens.breakBefore, tokens.size, tokens.starts, tokens.startCount);
    }

    /**
     * The kept line around {@code offset}: at most about {@link ThemeEvidence#SNIPPET_LENGTH}
     * characters, cut at spaces, whitespace collapsed.
     */
    static String snippet(TextLine line, int offset) {
        String text = line.text();
        int at = offset - line.offset();
        int max = ThemeEvidence.SNIPPET_LENGTH;
        int from = 0;
        int to = text.length();
        if (to - from > max) {
            from = Math.max(0, at - max / 3);
            to = Math.min(text.length(), from + max);
            from = Math.max(0, to - max);
            if (from > 0) {
                int space = text.indexOf(' ', from);
                from = space >= 0 && space < at ? space + 1 : from;
            }
            if (to < text.length()) {
                int space = text.lastIndexOf(' ', to);
                to = space > at ? space : to;
            }
        }
        if (singleSpaced(text, from, to)) {
            // Most snippets: nothing to collapse, so the text as it is.
            return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
        }
        StringBuilder sb = new StringBuilder(to - from + 2);
        if (from > 0) {
            sb.append('…');
        }
        boolean space = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && sb.length() > 0 && sb.charAt(sb.length() - 1) != '…') {
                sb.append(' ');
            }
            space = false;
            sb.append(c);
        }
        if (to < text.length()) {
            sb.append('…');
        }
        return sb.toString();
    }

    /**
     * Whether {@code text[from, to)} has no whitespace but single spaces between other characters
     * (and no control characters), so that collapsing whitespace would leave it as it is.
     */
    private static boolean singleSpaced(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == from || i + 1 == to || text.charAt(i + 1) <= ' ') {
                    return false;
                }
            } else if (c < ' ' || (c >= 0x80 && Character.isWhitespace(c))) {
                return false;
            }
        }
        return true;
    }

    /** An article's kept lines, each knowing where it starts in {@code title + "\n" + body}. */
    private record Article(List<TextLine> lines) {

        static Article of(String title, String body) {
            Objects.requireNonNull(body, "body");
            boolean hasTitle = title != null && !title.isBlank();
            // One pass over title and body together, so a body that repeats the title counts it once.
            PageClutter.Kept kept = PageClutter.kept(hasTitle ? title + "\n" + body : body);
            List<TextLine> lines = new ArrayList<>(kept.starts().length);
            String strippedTitle = hasTitle ? title.strip() : null;
            for (int i = 0; i < kept.starts().length; i++) {
                String line = kept.lines().get(i);
                int start = kept.starts()[i];
                boolean isTitle = i == 0 && hasTitle && start < title.length() && line.equals(strippedTitle);
                Word[] words = kept.words().get(i);
                lines.add(isTitle ? TextLine.title(line, words, start) : TextLine.of(line, words, start));
            }
            return new Article(lines);
        }
    }

    /**
     * An article's words as theme matching reads them: each word's tokens, whether punctuation
     * separates it from the word before, where it starts, and which words may start a phrase.
     * Allocated per article, sized to its words: storing the lexemes' token arrays into a young array
     * costs G1 no card marking, and one kept per thread (long-lived) measured 2 % slower in JMH.
     */
    private static final class Tokens {

        /** The theme tokens of each word (its lexeme's, shared); words without tokens are left out. */
        final String[][] tokens;
        final boolean[] breakBefore;
        int size;
        /** Character offset of each word in the article, and the index of its line. */
        final int[] offset;
        final int[] line;
        /** The words a token of which may start a theme phrase ({@link ThemeMatcher#startsPhrase}), ascending. */
        int[] starts = new int[64];
        int startCount;

        private Tokens(int words) {
            tokens = new String[words][];
            breakBefore = new boolean[words];
            offset = new int[words];
            line = new int[words];
        }

        /**
         * The words of {@code lines}; marks in {@code lexicon} the tokens the article writes in lower
         * case.
         */
        static Tokens of(List<TextLine> lines, Lexicon lexicon, ThemeMatcher themes) {
            int words = 0;
            for (TextLine textLine : lines) {
                words += textLine.words().length;
            }
            Tokens t = new Tokens(words);
            int n = 0;
            int startCount = 0;
            for (int l = 0; l < lines.size(); l++) {
                TextLine textLine = lines.get(l);
                for (Word w : textLine.words()) {
                    Lexeme lexeme = w.lexeme(lexicon);
                    if (w.lowerCase()) {
                        lexicon.markLowerCase(lexeme);
                    }
                    if (lexeme.tokens.length == 0) {
                        continue;
                    }
                    t.tokens[n] = lexeme.tokens;
                    // Lines are units of their own: no phrase runs from a heading into the next line.
                    t.breakBefore[n] = w.breakBefore();
                    t.offset[n] = textLine.offset() + w.start();
                    t.line[n] = l;
                    if (themes.startsPhrase(lexeme)) {
                        if (startCount == t.starts.length) {
                            t.starts = Arrays.copyOf(t.starts, 2 * startCount);
                        }
                        t.starts[startCount++] = n;
                    }
                    n++;
                }
            }
            t.size = n;
            t.startCount = startCount;
            return t;
        }
    }
}
