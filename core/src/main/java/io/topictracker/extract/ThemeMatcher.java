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

    /**
     * A trie node, its children keyed by token id ({@link #tokenIds}; the root's also in
     * {@link #firstNodes}); {@code themes} is null where no phrase ends, empty for an ignore phrase.
     */
    private static final class Node extends IdTrieNode<Node> {
        int[] themes;
    }

    /** Each token of a phrase numbered, so that a scan walks the trie by ids: -1 for any other token. */
    private final Map<String, Integer> tokenIds = new HashMap<>();
    private final Node root = new Node();
    /** The root's children, by token id; set anew once exclude phrases are in the trie. */
    private Node[] firstNodes;
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
        firstNodes = firstNodes();
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
        firstNodes = firstNodes();
    }

    private Node[] firstNodes() {
        Node[] first = new Node[tokenIds.size()];
        for (int i = 0; i < root.childCount(); i++) {
            first[root.key(i)] = root.childAt(i);
        }
        return first;
    }

    private int idOf(String token) {
        return tokenIds.getOrDefault(token, -1);
    }

    /**
     * Whether a token of the form {@code lexeme} can start a phrase. Most words of an article start
     * none, and this says so once per form (the lexeme remembers the answer for this matcher), so
     * that the scan visits only the words that might.
     */
    boolean startsPhrase(Lexeme lexeme) {
        // The check here and the work in a method of its own: this runs for every word, and stays
        // small enough for the JIT to inline.
        if (lexeme.themeMatcher != this) {
            remember(lexeme);
        }
        return lexeme.themeStart;
    }

    /** {@code lexeme}'s token ids in this matcher. */
    private int[] ids(Lexeme lexeme) {
        if (lexeme.themeMatcher != this) {
            remember(lexeme);
        }
        return lexeme.themeTokenIds;
    }

    /** Makes {@code lexeme} remember its token ids in this matcher, and whether one starts a phrase. */
    private void remember(Lexeme lexeme) {
        String[] tokens = lexeme.tokens;
        int[] ids = new int[tokens.length];
        boolean starts = false;
        for (int k = 0; k < tokens.length; k++) {
            ids[k] = idOf(tokens[k]);
            starts |= ids[k] >= 0 && firstNodes[ids[k]] != null;
        }
        lexeme.themeTokenIds = ids;
        lexeme.themeStart = starts;
        lexeme.themeMatcher = this;
    }

    private Node insert(String phrase) {
        Node node = root;
        for (String token : Tokenizer.phraseTokens(phrase)) {
            node = node.addChild(tokenIds.computeIfAbsent(token, t -> tokenIds.size()), Node::new);
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
        scan(words(words, new boolean[words.length], words.length), starts, starts.length, (sw, st, ew, et, themes) -> {
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
     * Words as the matcher reads them: each word's tokens, and whether punctuation separates it from
     * the word before (no phrase spans that). A word without tokens is passed over, as if it were
     * not there.
     */
    interface Words {
        int size();

        String[] tokens(int w);

        /** The ids of {@link #tokens}, one each, as the matcher numbers them (-1: in no phrase). */
        int[] tokenIds(int w);

        boolean breakBefore(int w);
    }

    /** The words {@code [0, n)}, each given by its tokens; {@code breakBefore[w]}: punctuation before word w. */
    Words words(String[][] tokens, boolean[] breakBefore, int n) {
        int[][] ids = new int[n][];
        for (int w = 0; w < n; w++) {
            ids[w] = new int[tokens[w].length];
            for (int k = 0; k < ids[w].length; k++) {
                ids[w][k] = idOf(tokens[w][k]);
            }
        }
        return new Words() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public String[] tokens(int w) {
                return tokens[w];
            }

            @Override
            public int[] tokenIds(int w) {
                return ids[w];
            }

            @Override
            public boolean breakBefore(int w) {
                return breakBefore[w];
            }
        };
    }

    /**
     * The words of one line of an article, read where they are: no copy of every word's tokens, break
     * and offset into arrays per article (which were 8 % of what extraction allocates).
     */
    Words words(Word[] line) {
        return new Words() {
            @Override
            public int size() {
                return line.length;
            }

            @Override
            public String[] tokens(int w) {
                return line[w].lexeme().tokens;
            }

            @Override
            public int[] tokenIds(int w) {
                return ids(line[w].lexeme());
            }

            @Override
            public boolean breakBefore(int w) {
                return line[w].breakBefore();
            }
        };
    }

    /**
     * Receives each match, from token {@code startToken} of word {@code startWord} to token
     * {@code endToken} of word {@code endWord}, and the themes of the phrase.
     */
    @FunctionalInterface
    interface MatchSink {
        void match(int startWord, int startToken, int endWord, int endToken, int[] themes);
    }

    /**
     * What {@link #collect} finds in an article: counts per theme, and where its first
     * {@link ThemeEvidence#MAX_OFFSETS} matches start (line index and word index in the line).
     */
    static final class Hits {
        final int[] counts;
        final int[][] firstLines;
        final int[][] firstWords;

        Hits(int themes) {
            counts = new int[themes];
            firstLines = new int[themes][];
            firstWords = new int[themes][];
        }
    }

    /** A fresh {@link Hits} for this matcher's themes. */
    Hits hits() {
        return new Hits(themeNames.length);
    }

    /**
     * Adds to {@code hits} the matches in one line of an article ({@code line} its index), trying only
     * the words {@code starts[0, startCount)} (ascending; see {@link #startsPhrase}) as starts. No
     * phrase runs from one line into the next, so lines are matched one at a time.
     */
    void collect(Words words, int[] starts, int startCount, int line, Hits hits) {
        scan(words, starts, startCount, (start, startToken, end, endToken, themes) -> {
            for (int theme : themes) {
                int seen = hits.counts[theme]++;
                if (seen < ThemeEvidence.MAX_OFFSETS) {
                    if (hits.firstWords[theme] == null) {
                        hits.firstLines[theme] = new int[ThemeEvidence.MAX_OFFSETS];
                        hits.firstWords[theme] = new int[ThemeEvidence.MAX_OFFSETS];
                    }
                    hits.firstLines[theme][seen] = line;
                    hits.firstWords[theme][seen] = start;
                }
            }
        });
    }

    String themeName(int theme) {
        return themeNames[theme];
    }

    int themeCount() {
        return themeNames.length;
    }

    /** Each phrase match as "tokens -> [themes]", for seeing why an article got its themes. */
    List<String> explain(Words words, int[] starts, int startCount) {
        List<String> out = new ArrayList<>();
        scan(words, starts, startCount, (startWord, startToken, endWord, endToken, themes) -> {
            List<String> tokens = new ArrayList<>();
            for (int w = startWord; w <= endWord; w++) {
                String[] wordTokens = words.tokens(w);
                int last = w == endWord ? endToken : wordTokens.length - 1;
                for (int t = w == startWord ? startToken : 0; t <= last; t++) {
                    tokens.add(wordTokens[t]);
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
     * Each longest match in {@code words}, left to right, a match's tokens consumed; only tokens of
     * the words in {@code starts} are tried as a match's first.
     */
    private void scan(Words words, int[] starts, int startCount, MatchSink sink) {
        int n = words.size();
        // The first token not consumed by a match yet: word freeWord, its token freeToken.
        int freeWord = 0;
        int freeToken = 0;
        for (int s = 0; s < startCount; s++) {
            int w = starts[s];
            if (w < freeWord) {
                continue;
            }
            int[] startTokens = words.tokenIds(w);
            for (int k = w == freeWord ? freeToken : 0; k < startTokens.length; k++) {
                // The longest phrase from token k of word w: walk the trie over the following tokens.
                int first = startTokens[k];
                Node node = first < 0 ? null : firstNodes[first];
                int endWord = -1;
                int endToken = -1;
                int[] themes = null;
                int j = w;
                int[] tokens = startTokens;
                int t = k;
                while (node != null) {
                    if (node.themes != null) {
                        endWord = j;
                        endToken = t;
                        themes = node.themes;
                    }
                    if (++t == tokens.length) {
                        do {
                            j++;
                        } while (j < n && words.tokenIds(j).length == 0);
                        if (j == n || words.breakBefore(j)) {
                            break;
                        }
                        tokens = words.tokenIds(j);
                        t = 0;
                    }
                    node = tokens[t] < 0 ? null : node.child(tokens[t]);
                }
                if (themes == null) {
                    continue;
                }
                sink.match(w, k, endWord, endToken, themes);
                int endLength = words.tokenIds(endWord).length;
                freeWord = endToken + 1 < endLength ? endWord : endWord + 1;
                freeToken = freeWord == endWord ? endToken + 1 : 0;
                if (freeWord != w) {
                    break;
                }
                k = freeToken - 1;
            }
        }
    }
}
