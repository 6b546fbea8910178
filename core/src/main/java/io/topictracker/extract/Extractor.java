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
 * words once; themes are counted on their folded, stemmed tokens by the compiled taxonomy, line by
 * line, each match remembered by its line and word; entities are found on the same words with their
 * case intact.
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
        ThemeMatcher.Hits hits = themes.hits();
        readWords(article.lines, lexicon, (words, starts, startCount, line) ->
                themes.collect(themes.words(words), starts, startCount, line, hits));
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
                offsets[k] = offset(article.lines.get(hits.firstLines[t][k]), hits.firstWords[t][k]);
            }
            TextLine first = article.lines.get(hits.firstLines[t][0]);
            evidence.put(name, new ThemeEvidence(Arrays.asList(offsets), snippet(first, offsets[0])));
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
        List<String> out = new ArrayList<>();
        readWords(Article.of(title, body).lines, lexicon, (words, starts, startCount, line) ->
                out.addAll(themes.explain(themes.words(words), starts, startCount)));
        return out;
    }

    /** Where word {@code w} of {@code line} starts in the article (its words index the article's text). */
    private static int offset(TextLine line, int w) {
        return line.words()[w].start();
    }

    /** Receives a line's words and those a theme phrase may start at ({@code starts[0, startCount)}). */
    @FunctionalInterface
    private interface LineStarts {
        void line(Word[] words, int[] starts, int startCount, int line);
    }

    /**
     * One pass over the article's words (each looked up in {@code lexicon} as its line was cut): marks
     * there the tokens the article writes in lower case (entity finding reads them), and hands each line with
     * the words a theme phrase may start at ({@link ThemeMatcher#startsPhrase}) to {@code sink}.
     */
    private void readWords(List<TextLine> lines, Lexicon lexicon, LineStarts sink) {
        int[] starts = new int[64];
        for (int l = 0; l < lines.size(); l++) {
            Word[] words = lines.get(l).words();
            if (starts.length < words.length) {
                starts = new int[words.length];
            }
            int startCount = 0;
            for (int i = 0; i < words.length; i++) {
                Word w = words[i];
                Lexeme lexeme = w.lexeme();
                if (w.lowerCase()) {
                    lexicon.markLowerCase(lexeme);
                }
                if (themes.startsPhrase(lexeme)) {
                    starts[startCount++] = i;
                }
            }
            if (startCount > 0) {
                sink.line(words, starts, startCount, l);
            }
        }
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
                lines.add(isTitle ? TextLine.title(line, kept.chars(), words, start)
                        : TextLine.of(line, kept.chars(), words, start));
            }
            return new Article(lines);
        }
    }
}
