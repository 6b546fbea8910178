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
    /**
     * Hash bits of the first tokens of phrases: most tokens of an article start no phrase, and this
     * says so from the token's hash (which the lexicon keeps beside it) without a map lookup.
     */
    private final boolean[] firstTokenHashes = new boolean[1 << 12];

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
        indexFirstTokens();
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
        indexFirstTokens();
    }

    private void indexFirstTokens() {
        for (String first : root.next.keySet()) {
            firstTokenHashes[first.hashCode() & (firstTokenHashes.length - 1)] = true;
        }
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
        String[] tokens = Tokenizer.phraseTokens(phrase).toArray(new String[0]);
        boolean[] signalled = new boolean[themeNames.length];
        scan(tokens, hashes(tokens), tokens.length, new boolean[tokens.length], (start, end, themes) -> {
            for (int t : themes) {
                signalled[t] = true;
            }
        });
        return indexes(signalled);
    }

    private static int[] hashes(String[] tokens) {
        int[] out = new int[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            out[k] = tokens[k].hashCode();
        }
        return out;
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

    /** Receives each match: tokens {@code [start, end]} and the themes of the phrase. */
    @FunctionalInterface
    interface MatchSink {
        void match(int start, int end, int[] themes);
    }

    /** What {@link #collect} finds: counts per theme and the token index of each counted match. */
    static final class Hits {
        final int[] counts;
        /** Per theme, the token indexes of its first {@link ThemeEvidence#MAX_OFFSETS} matches. */
        final int[][] firstTokens;

        Hits(int themes) {
            counts = new int[themes];
            firstTokens = new int[themes][];
        }
    }

    /**
     * Counts and first match positions per theme in the token stream {@code tokens[0, n)};
     * {@code breakBefore[i]} marks punctuation before token i, which no phrase spans.
     */
    Hits collect(String[] tokens, int[] hashes, int n, boolean[] breakBefore) {
        Hits hits = new Hits(themeNames.length);
        scan(tokens, hashes, n, breakBefore, (start, end, themes) -> {
            for (int theme : themes) {
                int seen = hits.counts[theme]++;
                if (seen < ThemeEvidence.MAX_OFFSETS) {
                    if (hits.firstTokens[theme] == null) {
                        hits.firstTokens[theme] = new int[ThemeEvidence.MAX_OFFSETS];
                    }
                    hits.firstTokens[theme][seen] = start;
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
    List<String> explain(String[] tokens, int[] hashes, int n, boolean[] breakBefore) {
        List<String> out = new ArrayList<>();
        scan(tokens, hashes, n, breakBefore, (start, end, themes) -> {
            List<String> names = new ArrayList<>();
            for (int theme : themes) {
                names.add(themeNames[theme]);
            }
            out.add(String.join(" ", Arrays.asList(tokens).subList(start, end + 1)) + " -> " + (names.isEmpty() ? "(ignored)" : names));
        });
        return out;
    }

    /** Each match in {@code tokens[0, n)}, whose hashes are {@code hashes}. */
    void scan(String[] tokens, int[] hashes, int n, boolean[] breakBefore, MatchSink sink) {
        int i = 0;
        while (i < n) {
            if (!firstTokenHashes[hashes[i] & (firstTokenHashes.length - 1)]) {
                i++;
                continue;
            }
            Node node = root;
            int end = -1;
            int[] matched = null;
            for (int j = i; j < n; j++) {
                if (j > i && breakBefore[j]) {
                    break;
                }
                node = node.next.get(tokens[j]);
                if (node == null) {
                    break;
                }
                if (node.themes != null) {
                    end = j;
                    matched = node.themes;
                }
            }
            if (matched == null) {
                i++;
                continue;
            }
            sink.match(i, end, matched);
            i = end + 1;
        }
    }
}
