package io.topictracker.extract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Reduces case-folded tokens to Snowball English (Porter2) stems so that taxonomy phrases match
 * across inflections. Shared by the taxonomy compiler and every extraction, so it is thread-safe.
 */
final class Stemmer {

    /**
     * Porter2 also folds some derivations together, and a few of those cost precision on tech news:
     * "securities" (finance) and "secure" (as in "secured funding") would count as security,
     * "vulnerable" (people) as a software vulnerability, "next-generation" as "generative", and every
     * "fund" as funding. These words get stems of their own.
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
            Map.entry("funding", "funding"),
            Map.entry("fundings", "funding"));

    /** Enough for the working vocabulary of a news stream; past it, rare words are stemmed afresh. */
    private static final int CACHE_LIMIT = 200_000;

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    // Snowball stemmers keep their state in fields, so each thread needs its own.
    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    private Stemmer() {}

    /** The stem of a token that is already case-folded. */
    static String stem(String folded) {
        String cached = CACHE.get(folded);
        if (cached != null) {
            return cached;
        }
        String stem = OVERRIDES.get(folded);
        if (stem == null) {
            EnglishStemmer stemmer = STEMMER.get();
            stemmer.setCurrent(folded);
            stemmer.stem();
            stem = stemmer.getCurrent();
        }
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.putIfAbsent(folded, stem);
        }
        return stem;
    }
}
