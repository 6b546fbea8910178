package io.topictracker.extract;

import java.util.HashMap;
import java.util.Map;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Reduces case-folded tokens to Snowball English (Porter2) stems so that taxonomy phrases match
 * across inflections. The taxonomy compiler and every extraction use it (through the {@link Lexicon},
 * which remembers each word's tokens); each thread has its own.
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

    /** Enough for the working vocabulary of a news stream; past it the cache starts afresh. */
    private static final int CACHE_LIMIT = 100_000;

    // Snowball stemmers keep their state in fields, and a plain map is faster than a concurrent one:
    // each stream thread gets its own stemmer and cache.
    private static final ThreadLocal<Stemmer> LOCAL = ThreadLocal.withInitial(Stemmer::new);

    private final EnglishStemmer snowball = new EnglishStemmer();
    private final Map<String, String> cache = new HashMap<>(8192);

    private Stemmer() {}

    /** This thread's stemmer. */
    static Stemmer local() {
        return LOCAL.get();
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
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(folded, stem);
        return stem;
    }
}
