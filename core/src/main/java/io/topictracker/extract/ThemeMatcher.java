package io.topictracker.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxonomy compiled into a trie of stemmed tokens. Scanning is left to right, the longest
 * phrase starting at a token wins, and matched tokens are consumed, so "data leak" counts once
 * (not also as "leak") and overlapping phrases never double count. Ignore phrases and a theme's
 * exclude phrases take part in the longest match like theme phrases: an ignore phrase counts for no
 * theme, an exclude phrase for every theme its words would signal except its own. Immutable after
 * construction, hence safe to share between stream threads.
 */
final class ThemeMatcher {

    /** A trie node; {@code themes} is null where no phrase ends, empty for an ignore phrase. */
    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        int[] themes;
    }

    private final Node root = new Node();
    private final String[] themeNames;

    ThemeMatcher(Taxonomy taxonomy) {
        themeNames = taxonomy.themes().keySet().toArray(new String[0]);
        int index = 0;
        for (List<String> phrases : taxonomy.themes().values()) {
            for (String phrase : phrases) {
                Node node = insert(phrase);
                if (node.themes == null) {
                    node.themes = new int[] {index};
                } else if (node.themes.length > 0 && Arrays.binarySearch(node.themes, index) < 0) {
                    // The same phrase under two themes signals both.
                    int[] both = Arrays.copyOf(node.themes, node.themes.length + 1);
                    both[both.length - 1] = index;
                    Arrays.sort(both);
                    node.themes = both;
                }
            }
            index++;
        }
        for (String phrase : taxonomy.ignore()) {
            // An ignore phrase overrides a theme phrase of the same tokens: it is there to silence it.
            insert(phrase).themes = new int[0];
        }
        // What each exclude phrase still signals is worked out on the trie of theme and ignore phrases,
        // before any exclude phrase is in it.
        Map<String, int[]> excluded = new LinkedHashMap<>();
        index = 0;
        for (List<String> phrases : taxonomy.excludes().values()) {
            for (String phrase : phrases) {
                int[] before = excluded.containsKey(phrase) ? excluded.get(phrase) : themesOf(phrase);
                excluded.put(phrase, without(before, index));
            }
            index++;
        }
        excluded.forEach((phrase, themes) -> insert(phrase).themes = themes);
    }

    /**
     * Whether a token of the form {@code lexeme} can start a phrase. Most words of an article start
     * none, and this says so once per form (the lexeme remembers the answer for this matcher), so
     * that the scan visits only the words that might.
     */
    boolean startsPhrase(Lexeme lexeme) {
        if (lexeme.themeMatcher != this) {
            boolean starts = false;
            for (String token : lexeme.tokens) {
                starts |= root.next.containsKey(token);
            }
            lexeme.themeStart = starts;
            lexeme.themeMatcher = this;
        }
        return lexeme.themeStart;
    }

    private Node insert(String phrase) {
        Node node = root;
        for (String token : Tokenizer.phraseTokens(phrase)) {
            node = node.next.computeIfAbsent(token, t -> new Node());
        }
        return node;
    }

    /** The themes a phrase signals when it is read as text (sorted, each once). */
    private int[] themesOf(String phrase) {
        List<String> tokens = Tokenizer.phraseTokens(phrase);
        // Each token as a word of its own, and each may start a match.
        String[][] words = new String[tokens.size()][];
        int[] starts = new int[tokens.size()];
        for (int k = 0; k < words.length; k++) {
            words[k] = new String[] {tokens.get(k)};
            starts[k] = k;
        }
        boolean[] signalled = new boolean[themeNames.length];
        scan(words, new boolean[words.length], words.length, starts, starts.length, (sw, st, ew, et, themes) -> {
            for (int t : themes) {
                signalled[t] = true;
            }
        });
        return indexes(signalled);
    }

    private static int[] without(int[] themes, int theme) {
        int[] out = new int[themes.length];
        int n = 0;
        for (int t : themes) {
            if (t != theme) {
                out[n++] = t;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] indexes(boolean[] set) {
        int n = 0;
        int[] out = new int[set.length];
        for (int i = 0; i < set.length; i++) {
            if (set[i]) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Receives each match, from token {@code startToken} of word {@code startWord} to token
     * {@code endToken} of word {@code endWord}, and the themes of the phrase.
     */
    @FunctionalInterface
    interface MatchSink {
        void match(int startWord, int startToken, int endWord, int endToken, int[] themes);
    }

    /** What {@link #collect} finds: counts per theme and the word index of each counted match. */
    static final class Hits {
        final int[] counts;
        /** Per theme, the words its first {@link ThemeEvidence#MAX_OFFSETS} matches start in. */
        final int[][] firstWords;

        Hits(int themes) {
            counts = new int[themes];
            firstWords = new int[themes][];
        }
    }

    /**
     * Counts and first match positions per theme in the words {@code [0, n)} of an article, each
     * word given by its tokens; {@code breakBefore[w]} marks punctuation before word w, which no
     * phrase spans. Only the words {@code starts[0, startCount)} (ascending; see
     * {@link #startsPhrase}) are tried as starts.
     */
    Hits collect(String[][] words, boolean[] breakBefore, int n, int[] starts, int startCount) {
        Hits hits = new Hits(themeNames.length);
        scan(words, breakBefore, n, starts, startCount, (start, startToken, end, endToken, themes) -> {
            for (int theme : themes) {
                int seen = hits.counts[theme]++;
                if (seen < ThemeEvidence.MAX_OFFSETS) {
                    if (hits.firstWords[theme] == null) {
                        hits.firstWords[theme] = new int[ThemeEvidence.MAX_OFFSETS];
                    }
                    hits.firstWords[theme][seen] = start;
                }
            }
        });
        return hits;
    }

    String themeName(int theme) {
        return themeNames[theme];
    }

    int themeCount() {
        return themeNames.length;
    }

    /** Each phrase match as "tokens -> [themes]", for seeing why an article got its themes. */
    List<String> explain(String[][] words, boolean[] breakBefore, int n, int[] starts, int startCount) {
        List<String> out = new ArrayList<>();
        scan(words, breakBefore, n, starts, startCount, (startWord, startToken, endWord, endToken, themes) -> {
            List<String> tokens = new ArrayList<>();
            for (int w = startWord; w <= endWord; w++) {
                int last = w == endWord ? endToken : words[w].length - 1;
                for (int t = w == startWord ? startToken : 0; t <= last; t++) {
                    tokens.add(words[w][t]);
                }
            }
            List<String> names = new ArrayList<>();
            for (int theme : themes) {
                names.add(themeNames[theme]);
            }
            out.add(String.join(" ", tokens) + " -> " + (names.isEmpty() ? "(ignored)" : names));
        });
        return out;
    }

    /**
     * Each longest match in {@code words[0, n)}, left to right, a match's tokens consumed; only
     * tokens of the words in {@code starts} are tried as a match's first.
     */
    private void scan(String[][] words, boolean[] breakBefore, int n, int[] starts, int startCount, MatchSink sink) {
        // The first token not consumed by a match yet: word freeWord, its token freeToken.
        int freeWord = 0;
        int freeToken = 0;
        for (int s = 0; s < startCount; s++) {
            int w = starts[s];
            if (w < freeWord) {
                continue;
            }
            for (int k = w == freeWord ? freeToken : 0; k < words[w].length; k++) {
                // The longest phrase from token k of word w: walk the trie over the following tokens.
                Node node = root;
                int endWord = -1;
                int endToken = -1;
                int[] themes = null;
                int j = w;
                int t = k;
                while ((node = node.next.get(words[j][t])) != null) {
                    if (node.themes != null) {
                        endWord = j;
                        endToken = t;
                        themes = node.themes;
                    }
                    if (++t == words[j].length) {
                        if (++j == n || breakBefore[j]) {
                            break;
                        }
                        t = 0;
                    }
                }
                if (themes == null) {
                    continue;
                }
                sink.match(w, k, endWord, endToken, themes);
                freeWord = endToken + 1 < words[endWord].length ? endWord : endWord + 1;
                freeToken = freeWord == endWord ? endToken + 1 : 0;
                if (freeWord != w) {
                    break;
                }
                k = freeToken - 1;
            }
        }
    }
}
