package io.topictracker.bench.corpus;

import io.topictracker.article.Article;
import io.topictracker.extract.Taxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic, synthetic-but-realistic news articles for the end-to-end benchmarks: about 5 KB of
 * English-shaped prose per article (Zipf-distributed words from a vocabulary of tens of thousands,
 * a realistic share of function words, sentences and paragraphs), a few theme phrases from the
 * taxonomy per article, and mentions of a few hundred distinct entity names (from the built-in
 * gazetteer plus generated people).
 *
 * <p>Article {@code i} depends only on the seed and {@code i}, never on how many are generated, so
 * runs with different sizes share their prefix and every run of a given seed sees the same bytes.
 */
public final class SyntheticCorpus {

    /** Target body size in characters (≈ bytes: the text is ASCII). */
    public static final int TARGET_BODY_CHARS = 5_000;

    private static final String[] FUNCTION_WORDS = (
            "the of and to a in that is for it on was with as he be by at are this have from or had not but "
            + "they his which an were she her their we been has would will there can more its also all one "
            + "about who when some them if other than into new after could only these over most said two "
            + "may first up out so such many what then people our time year years now last those where how "
            + "while because between both through under since before against during each very much being "
            + "made even any just still well where own same another several three four percent company "
            + "government week month report according told statement however although today later early")
            .split(" ");

    private static final String[] ONSETS = {
        "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
        "br", "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "sh", "ch", "th", "sp", "sl", "bl", "cl"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "a", "e", "o", "ea", "ou", "ai", "io"};
    private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "rt", "ck", "ng", "x"};
    private static final String[] SUFFIXES = {"", "", "", "", "s", "ed", "ing", "ly", "tion", "ment", "er", "al", "ity"};

    private static final String[] SURNAMES_A = {"Ander", "Bel", "Cal", "Dar", "Ell", "Fair", "Gold", "Har", "Ives",
        "Jen", "Kel", "Lind", "Mar", "Nor", "Os", "Pem", "Quill", "Ros", "Sten", "Thorn", "Ul", "Vance", "Wil", "Yar"};
    private static final String[] SURNAMES_B = {"son", "berg", "wood", "ley", "ford", "man", "ton", "ridge", "worth", "field"};

    private final long seed;
    private final String[] vocabulary;
    private final double[] zipfCdf;
    private final List<List<String>> themePhrases;
    private final String[] entityNames;

    /**
     * @param seed the corpus identity
     * @param vocabularySize distinct content words (tens of thousands for realistic prose)
     * @param excludedThemes themes whose phrases never appear (the latency probe uses one of them)
     */
    public SyntheticCorpus(long seed, int vocabularySize, Set<String> excludedThemes) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        Taxonomy taxonomy = Taxonomy.loadDefault();
        Set<String> reserved = new HashSet<>();
        List<List<String>> phrases = new ArrayList<>();
        for (Map.Entry<String, List<String>> theme : taxonomy.themes().entrySet()) {
            theme.getValue().forEach(p -> reserved.addAll(List.of(p.toLowerCase(Locale.ROOT).split("[ -]"))));
            if (!excludedThemes.contains(theme.getKey())) {
                phrases.add(List.copyOf(theme.getValue()));
            }
        }
        taxonomy.ignore().forEach(p -> reserved.addAll(List.of(p.toLowerCase(Locale.ROOT).split("[ -]"))));
        this.themePhrases = List.copyOf(phrases);

        Set<String> words = new LinkedHashSet<>();
        while (words.size() < vocabularySize) {
            String w = pseudoWord(random);
            // a made-up word must never be a taxonomy word (or a stem of one): themes come only from phrases
            if (w.length() >= 2 && !collides(w, reserved)) {
                words.add(w);
            }
        }
        this.vocabulary = words.toArray(String[]::new);
        this.zipfCdf = zipfCdf(vocabulary.length, 1.05);
        this.entityNames = entityNames(random);
    }

    public long seed() {
        return seed;
    }

    /** Distinct entity names the generator mentions (a few hundred). */
    public int entityNameCount() {
        return entityNames.length;
    }

    public int vocabularySize() {
        return vocabulary.length;
    }

    /** Article {@code index}; pure function of (seed, index). */
    public Article article(long index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        // Each article is "about" two or three themes and a handful of entities, like real news.
        int themeCount = 2 + r.nextInt(2);
        List<List<String>> themes = new ArrayList<>(themeCount);
        for (int i = 0; i < themeCount && !themePhrases.isEmpty(); i++) {
            themes.add(themePhrases.get(r.nextInt(themePhrases.size())));
        }
        int entityCount = 3 + r.nextInt(6);
        String[] entities = new String[entityCount];
        for (int i = 0; i < entityCount; i++) {
            // skewed: popular entities are mentioned by many articles
            entities[i] = entityNames[(int) (entityNames.length * Math.pow(r.nextDouble(), 2.0))];
        }

        String title = capitalize(sentenceWords(r, 6 + r.nextInt(5), themes, entities, 0.15, 0.15));
        StringBuilder body = new StringBuilder(TARGET_BODY_CHARS + 600);
        int target = TARGET_BODY_CHARS - 400 + r.nextInt(800);
        while (body.length() < target) {
            int sentences = 3 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                String sentence = sentenceWords(r, 8 + r.nextInt(18), themes, entities, 0.012, 0.02);
                body.append(capitalize(sentence)).append(r.nextInt(12) == 0 ? "? " : ". ");
            }
            body.setLength(body.length() - 1);
            body.append("\n\n");
        }
        String id = "bench-" + seed + "-" + index;
        Instant publishedAt = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(index * 37L);
        return new Article(id, title, body.toString().strip(), "https://news.example/" + id, "bench", null, publishedAt);
    }

    private String sentenceWords(SplittableRandom r, int length, List<List<String>> themes, String[] entities,
            double themeRate, double entityRate) {
        StringBuilder s = new StringBuilder(length * 7);
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                s.append(i > 2 && r.nextInt(14) == 0 ? ", " : " ");
            }
            double roll = r.nextDouble();
            if (roll < themeRate && !themes.isEmpty()) {
                List<String> phrases = themes.get(r.nextInt(themes.size()));
                s.append(phrases.get(r.nextInt(phrases.size())));
            } else if (roll < themeRate + entityRate) {
                s.append(entities[r.nextInt(entities.length)]);
            } else if (roll < 0.45) {
                s.append(FUNCTION_WORDS[(int) (FUNCTION_WORDS.length * Math.pow(r.nextDouble(), 1.6))]);
            } else {
                s.append(vocabulary[zipfRank(r.nextDouble())]);
            }
        }
        return s.toString();
    }

    private int zipfRank(double u) {
        int lo = 0;
        int hi = zipfCdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipfCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] zipfCdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    private static String pseudoWord(SplittableRandom r) {
        int syllables = 1 + r.nextInt(3) + (r.nextInt(4) == 0 ? 1 : 0);
        StringBuilder w = new StringBuilder(12);
        for (int i = 0; i < syllables; i++) {
            w.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
            if (i == syllables - 1 || r.nextInt(3) == 0) {
                w.append(CODAS[r.nextInt(CODAS.length)]);
            }
        }
        w.append(SUFFIXES[r.nextInt(SUFFIXES.length)]);
        return w.toString();
    }

    private static boolean collides(String word, Set<String> reserved) {
        if (reserved.contains(word)) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (!suffix.isEmpty() && word.endsWith(suffix) && reserved.contains(word.substring(0, word.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    /** About 200 gazetteer names (all types) plus 100 generated people: a few hundred in all. */
    private static String[] entityNames(SplittableRandom random) {
        List<String> names = new ArrayList<>();
        for (String line : resourceLines("/entities.tsv")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String name = line.split("\t")[0].strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        List<String> picked = new ArrayList<>();
        int step = Math.max(1, names.size() / 200);
        for (int i = 0; i < names.size() && picked.size() < 200; i += step) {
            picked.add(names.get(i));
        }
        List<String> firstNames = new ArrayList<>();
        for (String line : resourceLinesOr("/first-names.txt", FALLBACK_FIRST_NAMES)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                for (String n : line.strip().split("\\s+")) {
                    firstNames.add(capitalize(n));
                }
            }
        }
        Set<String> people = new LinkedHashSet<>();
        while (people.size() < 100 && !firstNames.isEmpty()) {
            people.add(firstNames.get(random.nextInt(firstNames.size())) + " "
                    + SURNAMES_A[random.nextInt(SURNAMES_A.length)] + SURNAMES_B[random.nextInt(SURNAMES_B.length)]);
        }
        picked.addAll(people);
        return picked.toArray(String[]::new);
    }

    private static final List<String> FALLBACK_FIRST_NAMES = List.of(
            "aaron adam alice amanda anna ben carlos chen daniel david elena emma fatima george hannah ivan james",
            "jane john julia kevin laura li maria mark mei michael nadia olga omar paul peter priya rachel sara",
            "sophie thomas wei yusuf");

    /** The lines of a core resource, or {@code fallback} if this version of core does not ship it. */
    private static List<String> resourceLinesOr(String resource, List<String> fallback) {
        return Taxonomy.class.getResource(resource) == null ? fallback : resourceLines(resource);
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = Objects.requireNonNull(Taxonomy.class.getResourceAsStream(resource), resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
