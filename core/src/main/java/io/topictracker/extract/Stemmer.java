package io.topictracker.extract;

import java.util.HashMap;
import java.util.Map;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Reduces case-folded tokens to Snowball English (Porter2) stems so that taxonomy phrases match
 * across inflections. The taxonomy compiler and every extraction use it; each thread has its own.
 */
final class Stemmer {

    /**
     * Porter2 also folds some derivations together, and a few of those cost precision on tech news:
     * "securities" (finance) and "secure" (as in "secured funding") would count as security,
     * "vulnerable" (people) as a software vulnerability, "next-generation" as "generative", every
     * "fund" as funding, "AI aligns with" as "AI alignment", "authentic" as authentication, "defy" as
     * DeFi, "was elected chairman" as an election and "the board voted" as voting. These words get
     * stems of their own.
     */
    private static final Map<String, String> OVERRIDES = Map.ofEntries(
            Map.entry("securities", "securities"),
            Map.entry("secure", "secure"),
            Map.entry("secures", "secure"),
            Map.entry("secured", "secure"),
            Map.entry("securing", "secure"),
            Map.entry("securely", "secure"),
            Map.entry("vulnerable", "vulnerable"),
            Map.entry("generation", "generation"),
            Map.entry("generations", "generation"),
            Map.entry("alignment", "alignment"),
            Map.entry("funding", "funding"),
            Map.entry("fundings", "funding"),
            Map.entry("authentic", "authentic"),
            Map.entry("authenticity", "authentic"),
            Map.entry("authentically", "authentic"),
            Map.entry("defy", "defy"),
            Map.entry("defies", "defy"),
            Map.entry("defied", "defy"),
            Map.entry("defying", "defy"),
            Map.entry("election", "election"),
            Map.entry("elections", "election"),
            Map.entry("voting", "voting"));

    /** Enough for the working vocabulary of a news stream; past it the caches start afresh. */
    private static final int CACHE_LIMIT = 100_000;

    // Snowball stemmers keep their state in fields, and plain tables are faster than concurrent ones:
    // each stream thread gets its own stemmer and caches.
    private static final ThreadLocal<Stemmer> LOCAL = ThreadLocal.withInitial(Stemmer::new);

    private final EnglishStemmer snowball = new EnglishStemmer();
    private final Map<String, String> cache = new HashMap<>(8192);

    // Most words of an article are frequent words: one lookup by surface form gets all their tokens.
    // An open-addressing table keyed by the word's characters, so a hit copies nothing out of the line.
    private char[][] surfaces = new char[1 << 14][];
    private int[] hashes = new int[1 << 14];
    private String[][] tokens = new String[1 << 14][];
    private int[][] tokenIds = new int[1 << 14][];
    private int size;

    // Each distinct token gets an id, so an article can mark the tokens it writes in lower case in an
    // array instead of a hash set.
    private final Map<String, Integer> ids = new HashMap<>(8192);
    private int[] lowerCaseMark = new int[8192];
    private int article = 1;

    private Stemmer() {}

    /** This thread's stemmer: fetch it once per article, not once per word. */
    static Stemmer local() {
        return LOCAL.get();
    }

    /** The stem of a token that is already case-folded, from this thread's stemmer. */
    static String stem(String folded) {
        return local().of(folded);
    }

    /**
     * Starts an article: forgets which tokens the last one wrote in lower case, and starts the caches
     * afresh if they are full (only here, so ids stay the same within an article).
     */
    void beginArticle() {
        if (size >= CACHE_LIMIT || ids.size() >= CACHE_LIMIT) {
            surfaces = new char[1 << 14][];
            hashes = new int[1 << 14];
            tokens = new String[1 << 14][];
            tokenIds = new int[1 << 14][];
            size = 0;
            ids.clear();
            cache.clear();
            lowerCaseMark = new int[8192];
            article = 1;
        }
        article++;
    }

    /** The theme match tokens of a word ({@link Tokenizer#themeTokens}); do not modify the array. */
    String[] tokens(Word word) {
        return tokens[slot(word)];
    }

    /**
     * As {@link #tokens(Word)}, and when {@code lowerCase}, notes that the article writes them in
     * lower case: one lookup for both.
     */
    String[] tokens(Word word, boolean lowerCase) {
        int slot = slot(word);
        if (lowerCase) {
            for (int id : tokenIds[slot]) {
                lowerCaseMark[id] = article;
            }
        }
        return tokens[slot];
    }

    /** Notes that the article writes the tokens of {@code word} in lower case. */
    void markLowerCase(Word word) {
        for (int id : tokenIds[slot(word)]) {
            lowerCaseMark[id] = article;
        }
    }

    /** Whether every token of {@code word} is written in lower case elsewhere in this article. */
    boolean writtenLowerCase(Word word) {
        for (int id : tokenIds[slot(word)]) {
            if (lowerCaseMark[id] != article) {
                return false;
            }
        }
        return true;
    }

    private int slot(Word word) {
        int h = word.textHash();
        int mask = surfaces.length - 1;
        int i = mix(h) & mask;
        char[] s;
        while ((s = surfaces[i]) != null) {
            if (hashes[i] == h && word.textEquals(s)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        String[] t = Tokenizer.themeTokens(word, this);
        int[] tIds = new int[t.length];
        for (int k = 0; k < t.length; k++) {
            tIds[k] = ids.computeIfAbsent(t[k], x -> ids.size());
            if (tIds[k] >= lowerCaseMark.length) {
                lowerCaseMark = java.util.Arrays.copyOf(lowerCaseMark, 2 * lowerCaseMark.length);
            }
        }
        surfaces[i] = word.textChars();
        hashes[i] = h;
        tokens[i] = t;
        tokenIds[i] = tIds;
        if (++size * 2 > surfaces.length) {
            grow();
            return slot(word);
        }
        return i;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    private void grow() {
        char[][] oldSurfaces = surfaces;
        int[] oldHashes = hashes;
        String[][] oldTokens = tokens;
        int[][] oldIds = tokenIds;
        int capacity = 2 * oldSurfaces.length;
        surfaces = new char[capacity][];
        hashes = new int[capacity];
        tokens = new String[capacity][];
        tokenIds = new int[capacity][];
        for (int j = 0; j < oldSurfaces.length; j++) {
            if (oldSurfaces[j] != null) {
                int i = mix(oldHashes[j]) & (capacity - 1);
                while (surfaces[i] != null) {
                    i = (i + 1) & (capacity - 1);
                }
                surfaces[i] = oldSurfaces[j];
                hashes[i] = oldHashes[j];
                tokens[i] = oldTokens[j];
                tokenIds[i] = oldIds[j];
            }
        }
    }

    /** The stem of a token that is already case-folded. */
    String of(String folded) {
        String cached = cache.get(folded);
        if (cached != null) {
            return cached;
        }
        String stem = OVERRIDES.get(folded);
        if (stem == null) {
            snowball.setCurrent(folded);
            snowball.stem();
            stem = snowball.getCurrent();
        }
        cache.put(folded, stem);
        return stem;
    }
}
