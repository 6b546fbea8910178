package io.topictracker.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The taxonomy compiled into a trie of stemmed tokens. Scanning is left to right, the longest
 * phrase starting at a token wins, and matched tokens are consumed, so "data leak" counts once
 * (not also as "leak") and overlapping phrases never double count. Immutable after construction,
 * hence safe to share between stream threads.
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
    }

    private Node insert(String phrase) {
        Node node = root;
        for (String token : Tokenizer.phraseTokens(phrase)) {
            node = node.next.computeIfAbsent(token, t -> new Node());
        }
        return node;
    }

    /** Receives each match: tokens {@code [start, end]} and the themes of the phrase. */
    @FunctionalInterface
    interface MatchSink {
        void match(int start, int end, int[] themes);
    }

    /**
     * Theme → number of phrase matches in a token stream; {@code breakBefore[i]} marks punctuation
     * before token i, which no phrase spans.
     */
    SortedMap<String, Integer> count(List<String> tokens, boolean[] breakBefore) {
        int[] counts = new int[themeNames.length];
        scan(tokens, breakBefore, (start, end, themes) -> {
            for (int theme : themes) {
                counts[theme]++;
            }
        });
        SortedMap<String, Integer> themes = new TreeMap<>();
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] > 0) {
                themes.put(themeNames[t], counts[t]);
            }
        }
        return themes;
    }

    /** Each phrase match as "tokens -> [themes]", for seeing why an article got its themes. */
    List<String> explain(List<String> tokens, boolean[] breakBefore) {
        List<String> out = new ArrayList<>();
        scan(tokens, breakBefore, (start, end, themes) -> {
            List<String> names = new ArrayList<>();
            for (int theme : themes) {
                names.add(themeNames[theme]);
            }
            out.add(String.join(" ", tokens.subList(start, end + 1)) + " -> " + (names.isEmpty() ? "(ignored)" : names));
        });
        return out;
    }

    void scan(List<String> tokens, boolean[] breakBefore, MatchSink sink) {
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Node node = root;
            int end = -1;
            int[] matched = null;
            for (int j = i; j < n; j++) {
                if (j > i && breakBefore[j]) {
                    break;
                }
                node = node.next.get(tokens.get(j));
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
