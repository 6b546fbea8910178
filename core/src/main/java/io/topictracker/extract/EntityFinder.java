package io.topictracker.extract;

import static io.topictracker.extract.NameWords.AI;
import static io.topictracker.extract.NameWords.AND;
import static io.topictracker.extract.NameWords.ARTICLES;
import static io.topictracker.extract.NameWords.ASKED;
import static io.topictracker.extract.NameWords.AT;
import static io.topictracker.extract.NameWords.BASED;
import static io.topictracker.extract.NameWords.BORN;
import static io.topictracker.extract.NameWords.COMPANY_WORDS;
import static io.topictracker.extract.NameWords.COMPASS;
import static io.topictracker.extract.NameWords.CONNECTORS;
import static io.topictracker.extract.NameWords.DETERMINERS;
import static io.topictracker.extract.NameWords.EXTENDED_CONNECTORS;
import static io.topictracker.extract.NameWords.FIRST_NAMES;
import static io.topictracker.extract.NameWords.FOR;
import static io.topictracker.extract.NameWords.GENERAL;
import static io.topictracker.extract.NameWords.GENERIC;
import static io.topictracker.extract.NameWords.HEADQUARTERED;
import static io.topictracker.extract.NameWords.HYPHENATED_ORG_SUFFIX;
import static io.topictracker.extract.NameWords.IN;
import static io.topictracker.extract.NameWords.LEGAL_FORMS;
import static io.topictracker.extract.NameWords.NAMED;
import static io.topictracker.extract.NameWords.OF;
import static io.topictracker.extract.NameWords.ON;
import static io.topictracker.extract.NameWords.ORG_NOUNS;
import static io.topictracker.extract.NameWords.ORG_PREFIXES;
import static io.topictracker.extract.NameWords.ORG_SUFFIXES;
import static io.topictracker.extract.NameWords.OUT;
import static io.topictracker.extract.NameWords.PLACE_FIRST_WORDS;
import static io.topictracker.extract.NameWords.PLACE_PREFIXES;
import static io.topictracker.extract.NameWords.PLACE_STATES;
import static io.topictracker.extract.NameWords.PLACE_SUFFIXES;
import static io.topictracker.extract.NameWords.PLATFORMS;
import static io.topictracker.extract.NameWords.POINTED;
import static io.topictracker.extract.NameWords.PRODUCT_NEXT;
import static io.topictracker.extract.NameWords.PRODUCT_NOUNS;
import static io.topictracker.extract.NameWords.PRODUCT_WORDS;
import static io.topictracker.extract.NameWords.ROLES;
import static io.topictracker.extract.NameWords.SPEECH;
import static io.topictracker.extract.NameWords.THE;
import static io.topictracker.extract.NameWords.TITLES;
import static io.topictracker.extract.NameWords.TOLD;
import static io.topictracker.extract.NameWords.UNINFORMATIVE;
import static io.topictracker.extract.NameWords.VOCABULARY;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the named entities of an article: names from the {@link Gazetteer}, plus runs of capitalised
 * words in running text that the article's own evidence says are names, typed by context cues and
 * merged with their aliases ("Leahy" after "Connor Leahy", "Open AI" as "OpenAI"). Precision over
 * recall: a name with neither a type nor a second mention is dropped. Stateless apart from the
 * immutable gazetteer, so one instance serves all threads.
 */
final class EntityFinder {

    /** The types, in ordinal order: {@code values()} copies its array at each call. */
    private static final EntityType[] TYPES = EntityType.values();
    private static final int TYPE_COUNT = TYPES.length;
    /** The order of an article's entities: most mentioned first, then by name, then by type. */
    private static final Comparator<EntityMention> MOST_MENTIONED_FIRST = (a, b) -> {
        // Written out rather than chained (comparingInt(...).reversed().thenComparing(...)): it sorts
        // every article's entities, and the chain costs a few calls per comparison.
        if (a.mentions() != b.mentions()) {
            return Integer.compare(b.mentions(), a.mentions());
        }
        int byName = a.name().compareTo(b.name());
        return byName != 0 ? byName : a.type().compareTo(b.type());
    };
    /** The votes of a gazetteer name: its type is known. */
    private static final int[] NO_VOTES = new int[TYPE_COUNT];
    /**
     * No words. Every list of a name's words here is an {@link Arrays#asList} (as the gazetteer's
     * are): one List class, so that calls on them are direct and inlined, not dispatched by interface.
     */
    private static final List<String> NO_WORDS = Arrays.asList();

    private final Gazetteer gazetteer;

    EntityFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * A capitalised run seen in the article, with the votes its context gave each type; {@code key}
     * is the {@link Gazetteer#compactKey} of the surface (mentions with the same key are one name),
     * {@code keys} that of each word; {@code word} is the one word of a one-word run (most of them),
     * whose lexeme remembers what the gazetteer says of it, else null.
     */
    private record Candidate(String surface, String key, List<String> words, List<String> keys, boolean heading,
            int[] votes, String acronym, Word word) {

        /** The known entity with this key, or null. */
        Gazetteer.Entity known(Gazetteer gazetteer) {
            return word != null ? gazetteer.byWord(word) : gazetteer.byCompactKey(key);
        }
    }

    /** Everything seen of one entity in one article. */
    private static final class Group {
        final Gazetteer.Entity known;
        /**
         * Each way the article wrote the name ({@code forms[0, formCount)}), and how often; none kept
         * for a known name, which is canonical. Arrays, not a map: a name has one to three forms.
         */
        private String[] forms;
        private int[] formCounts;
        private int formCount;
        final int[] votes = new int[TYPE_COUNT];
        /** The longest form seen, as words and as their compact keys. */
        List<String> words = NO_WORDS;
        private List<String> wordKeys = NO_WORDS;
        int textMentions;
        int headingMentions;
        /**
         * The key of a name not in the gazetteer ({@link Unknown}), and whether a merge took it into
         * another name and removed it from there.
         */
        final String key;
        boolean removed;

        Group(Gazetteer.Entity known, String key) {
            this.known = known;
            this.key = key;
            if (known == null) {
                forms = new String[2];
                formCounts = new int[2];
            }
        }

        private void addForm(String form, int count) {
            for (int i = 0; i < formCount; i++) {
                if (forms[i].equals(form)) {
                    formCounts[i] += count;
                    return;
                }
            }
            if (formCount == forms.length) {
                forms = Arrays.copyOf(forms, 2 * formCount);
                formCounts = Arrays.copyOf(formCounts, 2 * formCount);
            }
            forms[formCount] = form;
            formCounts[formCount++] = count;
        }

        /** The words of the name: of the known name, else the longest form seen. */
        List<String> nameWords() {
            return known != null ? known.words() : words;
        }

        /** {@link #nameWords()}, each as its {@link Gazetteer#compactKey}. */
        List<String> keys() {
            return known != null ? known.keys() : wordKeys;
        }

        private void setWords(List<String> longer, List<String> longerKeys) {
            words = longer;
            wordKeys = longerKeys;
        }

        void add(String surface, List<String> surfaceWords, List<String> surfaceKeys, boolean heading,
                int[] typeVotes) {
            if (forms != null) {
                addForm(surface, 1);
            }
            if (surfaceWords.size() > words.size()) {
                setWords(surfaceWords, surfaceKeys);
            }
            if (heading) {
                headingMentions++;
            } else {
                textMentions++;
            }
            for (int t = 0; t < votes.length; t++) {
                votes[t] += typeVotes[t];
            }
        }

        void absorb(Group other) {
            if (forms != null && other.forms != null) {
                for (int i = 0; i < other.formCount; i++) {
                    addForm(other.forms[i], other.formCounts[i]);
                }
            }
            if (other.words.size() > words.size()) {
                setWords(other.words, other.wordKeys);
            }
            textMentions += other.textMentions;
            headingMentions += other.headingMentions;
            for (int t = 0; t < votes.length; t++) {
                votes[t] += other.votes[t];
            }
        }

        boolean personLike() {
            if (known != null) {
                return known.type() == EntityType.PERSON;
            }
            int person = votes[EntityType.PERSON.ordinal()];
            for (int t = 0; t < votes.length; t++) {
                if (t != EntityType.PERSON.ordinal() && votes[t] > person) {
                    return false;
                }
            }
            return person > 0;
        }

        String canonical() {
            if (known != null) {
                return known.name();
            }
            // The longest form names the entity most fully; then the commonest; then the first in order.
            String best = null;
            int bestCount = 0;
            for (int i = 0; i < formCount; i++) {
                String form = forms[i];
                int count = formCounts[i];
                if (best == null || form.length() > best.length() || (form.length() == best.length()
                        && (count > bestCount || (count == bestCount && form.compareTo(best) < 0)))) {
                    best = form;
                    bestCount = count;
                }
            }
            return best;
        }
    }

    /**
     * An article's names that are not in the gazetteer, each a {@link Group} by its key: found by
     * hash, and walked in key order (merges take in names in that order, so it decides their
     * outcome). A hash map and one sort of the few groups, rather than a tree map, which costs a
     * tree node and its balancing per name and a walk up the tree per step.
     */
    private static final class Unknown {
        private final Map<String, Group> byKey;
        private Group[] ordered;

        /** For at most {@code candidates} names: room enough that the map never grows. */
        Unknown(int candidates) {
            byKey = new HashMap<>(2 * candidates);
        }

        /** The group of {@code key}, made if need be; only before {@link #sort}. */
        Group group(String key) {
            Group g = byKey.get(key);
            if (g == null) {
                g = new Group(null, key);
                byKey.put(key, g);
            }
            return g;
        }

        /** Puts the groups in key order, once all are made. */
        void sort() {
            ordered = byKey.values().toArray(new Group[0]);
            Arrays.sort(ordered, (a, b) -> a.key.compareTo(b.key));
        }

        /** The group of {@code key}, or null. */
        Group get(String key) {
            return byKey.get(key);
        }

        /** Takes {@code g} out: lookups miss it, and walks of {@link #inKeyOrder} skip it. */
        void remove(Group g) {
            byKey.remove(g.key);
            g.removed = true;
        }

        /** The groups in key order, removed ones included: a caller skips those ({@link Group#removed}). */
        Group[] inKeyOrder() {
            return ordered;
        }
    }

    /**
     * The entities of an article's kept lines, most mentioned first, then by name. {@code lexicon}
     * is this thread's lexicon with the article's lower-case words marked (the extractor marks them
     * while tokenizing for themes): such words are ordinary words in this article.
     */
    List<EntityMention> find(List<TextLine> lines, Lexicon lexicon) {
        CaseEvidence evidence = CaseEvidence.of(lines, lexicon, gazetteer);
        // Known names in no particular order: no merge depends on it, and the output is sorted.
        Map<String, Group> known = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            TextLine line = lines.get(l);
            int[] starts = evidence.starts()[l];
            if (starts.length == 0) {
                continue;
            }
            boolean[] consumed = new boolean[line.words().length];
            findKnown(line, starts, consumed, evidence, known, candidates);
            collectRuns(line, starts, consumed, lexicon, evidence, candidates);
        }
        return resolve(known, candidates);
    }

    /**
     * What the article's capitals say as a whole: the words it capitalises in mid-sentence (evidence
     * of a name; a capital at a sentence start is evidence only with it), and the last words of two-
     * and three-word capitalised runs that start with a given name (surnames a weak place name may
     * share). Also, per line, the words a name can start at ({@code starts}: words with a capital,
     * and the rare lower-case first words of known names; none in an all-caps line), so that the
     * passes after this one skip the other words (most of an article's) without looking at them.
     */
    private record CaseEvidence(int article, int[][] starts) {

        /**
         * One pass, looking only at words with a capital (most words of an article have none), that
         * marks their lexemes with the article's number in {@code lexicon}.
         */
        static CaseEvidence of(List<TextLine> lines, Lexicon lexicon, Gazetteer gazetteer) {
            int article = lexicon.article();
            int[][] starts = new int[lines.size()][];
            int[] lineStarts = new int[64];
            for (int l = 0; l < lines.size(); l++) {
                TextLine line = lines.get(l);
                Word[] words = line.words();
                int n = words.length;
                boolean text = line.kind() == TextLine.Kind.TEXT;
                boolean shouting = line.kind() == TextLine.Kind.SHOUTING;
                if (lineStarts.length < n) {
                    lineStarts = new int[n];
                }
                int count = 0;
                for (int i = 0; i < n; i++) {
                    Word w = words[i];
                    if (!w.anyUpper()) {
                        if (!shouting && gazetteer.startsLowerCaseForm(w)) {
                            lineStarts[count++] = i;
                        }
                        continue;
                    }
                    lineStarts[count] = i;
                    count += shouting ? 0 : 1;
                    if (i == 0) {
                        continue;
                    }
                    if (text && w.capitalised() && !line.sentenceStart(i)) {
                        w.lexeme().midSentenceCapitalIn = article;
                    }
                    Word prev = words[i - 1];
                    if (!w.breakBefore() && prev.anyUpper() && prev.is(FIRST_NAMES) && nameLike(w) && nameLike(prev)
                            && (i + 1 == n || words[i + 1].breakBefore() || !nameLike(words[i + 1]))) {
                        w.lexeme().surnameIn = article;
                    }
                }
                starts[l] = count == 0 ? NONE : Arrays.copyOf(lineStarts, count);
            }
            return new CaseEvidence(article, starts);
        }

        private static final int[] NONE = new int[0];

        /** Whether the article capitalises {@code w} in mid-sentence somewhere. */
        boolean midSentenceCapital(Word w) {
            return w.lexeme().midSentenceCapitalIn == article;
        }

        /** Whether the article uses {@code w} as the last word of a given name and surname. */
        boolean surname(Word w) {
            return w.lexeme().surnameIn == article;
        }
    }

    /**
     * The gazetteer's names in one line: each known name goes to {@code known} (or, followed by more
     * capitalised words, to {@code candidates} as a product: "Google Drive"), and its words are
     * marked {@code consumed} so that no capitalised run takes them again.
     */
    private void findKnown(TextLine line, int[] starts, boolean[] consumed, CaseEvidence evidence,
            Map<String, Group> known, List<Candidate> candidates) {
        boolean heading = line.kind() == TextLine.Kind.HEADING;
        Word[] words = line.words();
        // i: the first word not yet taken; only words a name can start at are tried.
        int i = 0;
        for (int start : starts) {
            if (start < i) {
                continue;
            }
            i = start;
            Gazetteer.Match m = gazetteer.longestAt(words, i);
            if (m == null || (m.weak() && !weakFormCounts(line, m))) {
                i++;
                continue;
            }
            int end = m.end();
            while (end < words.length && !words[end].breakBefore() && words[end].is(LEGAL_FORMS)) {
                end++; // "Apple Inc." is Apple
            }
            int runEnd = containingRunEnd(line, m.start(), end);
            if (runEnd > 0) {
                // "Boston University", "Oklahoma Supreme Court": a longer name that contains a known one.
                i = runEnd;
                continue;
            }
            if (m.weak() && m.end() - m.start() == 1 && evidence.surname(words[m.start()])) {
                i++; // "Kent" after "Chris Kent" is the person, not the county
                continue;
            }
            int productEnd = m.entity().type() == EntityType.PLACE || m.entity().type() == EntityType.PERSON
                    ? end : productRunEnd(line, end);
            if (productEnd > end) {
                int[] votes = new int[TYPE_COUNT];
                votes[EntityType.PRODUCT.ordinal()] = 3;
                for (int k = m.start(); k < productEnd; k++) {
                    consumed[k] = true;
                }
                candidates.add(candidate(line, m.start(), productEnd, line.kind() != TextLine.Kind.TEXT, votes, null));
                i = productEnd;
                continue;
            }
            String name = m.entity().name();
            known.computeIfAbsent(name, n -> new Group(m.entity(), null)).add(name, NO_WORDS, NO_WORDS, heading, NO_VOTES);
            for (int k = m.start(); k < end; k++) {
                consumed[k] = true;
            }
            i = end;
        }
    }

    /** A weak gazetteer form counts only mid-sentence in running text, and alone. */
    private static boolean weakFormCounts(TextLine line, Gazetteer.Match m) {
        if (line.kind() != TextLine.Kind.TEXT || line.sentenceStart(m.start())) {
            return false;
        }
        Word[] words = line.words();
        if (m.start() > 0 && !words[m.start()].breakBefore() && nameLike(words[m.start() - 1])) {
            return false;
        }
        return m.end() >= words.length || words[m.end()].breakBefore() || !nameLike(words[m.end()]);
    }

    /** Capitalised or brand-like ("iPhone"), and no title as written ("President", "CEO", "Dr"). */
    private static boolean nameLike(Word w) {
        return w.spelt(Lexeme.NAME_LIKE);
    }

    /** Name-like in its place: "General" is a title, but not in "Associated General Contractors". */
    private static boolean nameLikeAt(Word[] words, int k) {
        Word w = words[k];
        if (nameLike(w)) {
            return true;
        }
        return w.capitalised() && w.isWord(GENERAL) && k > 0 && !words[k].breakBefore()
                && nameLike(words[k - 1]);
    }

    /** "Rupert Murdoch's Fox": a possessive ends a name. */
    private static boolean possessive(TextLine line, int k) {
        return line.words()[k].apostropheAfter(line.chars());
    }

    private static String fold(Word w) {
        return w.folded();
    }

    /**
     * The end of the longer name that words {@code [start, end)} sit inside ("Edinburgh" in "Edinburgh
     * Royal Infirmary", "Kansas City" in "Federal Reserve Bank of Kansas City", "Florida" in "Florida
     * Keys"), or -1 when they are not inside a longer capitalised run shaped like an organisation's or
     * a place's name.
     */
    private static int containingRunEnd(TextLine line, int start, int end) {
        Word[] words = line.words();
        int s = start;
        while (true) {
            if (s > 0 && !words[s].breakBefore() && nameLikeAt(words, s - 1) && !possessive(line, s - 1)) {
                s--;
            } else if (s >= 2 && !words[s].breakBefore() && !words[s - 1].breakBefore()
                    && words[s - 1].is(CONNECTORS) && nameLikeAt(words, s - 2)) {
                s -= 2; // "Bank of | Kansas City"
            } else {
                break;
            }
        }
        int e = runEnd(line, null, s, true);
        for (int k = end; k < e; k++) {
            if (words[k].isWord(AND) && !nameLike(words[k])) {
                e = k; // "Federal Reserve and Commerce Department" are two
                break;
            }
        }
        e = Math.max(e, end);
        if ((s == start && e == end) || !(orgShaped(words, s, e) || placeShaped(words, s, e))) {
            return -1;
        }
        return e;
    }

    /**
     * Shaped like an organisation's name: ends with an organisation word ("... Association"), or has
     * one before "of" ("University of ...", "Federal Reserve Bank of Kansas City").
     */
    private static boolean orgShaped(Word[] words, int s, int e) {
        if (e - s < 2) {
            return false;
        }
        Word lastWord = words[e - 1];
        if (lastWord.is(ORG_SUFFIXES) && !lastWord.is(LEGAL_FORMS)) {
            return true;
        }
        if (lastWord.is(HYPHENATED_ORG_SUFFIX)) {
            return true; // "Pittsburgh Tribune-Review"
        }
        for (int k = s; k < e - 2; k++) {
            if (words[k].is(ORG_SUFFIXES | ORG_PREFIXES)) {
                Word next = words[k + 1];
                if (next.isWord(OF) || next.isWord(FOR)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Shaped like a place's name: "Florida Keys", "Gulf of Mexico", "Washington Monument". */
    private static boolean placeShaped(Word[] words, int s, int e) {
        if (e - s < 2) {
            return false;
        }
        return words[e - 1].is(PLACE_SUFFIXES)
                || (words[s].is(PLACE_PREFIXES) && words[s + 1].isWord(OF));
    }

    /**
     * The end of the capitalised run starting at {@code i}: name-like words, joined by connectors
     * ("Bank of America") and, when {@code extended}, by "for", "and" and an article as organisation
     * names are ("Center for a New American Security"). A possessive ends it; so do words already
     * taken ({@code consumed}).
     */
    private static int runEnd(TextLine line, boolean[] consumed, int i, boolean extended) {
        Word[] words = line.words();
        int n = words.length;
        int end = i + 1;
        while (end < n && !possessive(line, end - 1)) {
            Word next = words[end];
            if (next.breakBefore()) {
                break;
            }
            if ((consumed == null || !consumed[end]) && nameLikeAt(words, end)) {
                end++;
                continue;
            }
            int k = end;
            if (next.is(extended ? CONNECTORS | EXTENDED_CONNECTORS : CONNECTORS)) {
                k++;
                if (extended && k < n && !words[k].breakBefore() && words[k].is(ARTICLES)
                        && (next.isWord(FOR) || next.isWord(OF) || next.isWord(ON))) {
                    k++;
                }
            }
            if (k > end && k < n && !words[k].breakBefore() && (consumed == null || !consumed[k])
                    && nameLikeAt(words, k)) {
                end = k + 1;
            } else {
                break;
            }
        }
        return end;
    }

    /** "Chief Information Officer for Verizon": a role, not an organisation, before the connector. */
    private static boolean roleBeforeConnector(Word[] words, int s, int e) {
        for (int k = s; k < e; k++) {
            Word w = words[k];
            if (w.is(EXTENDED_CONNECTORS) && !nameLike(w)) {
                return false;
            }
            if (w.is(ROLES)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [s, e)} uses a word that only organisation names use as a connector ("for", "and"). */
    private static boolean usesExtendedConnector(Word[] words, int s, int e) {
        for (int k = s; k < e; k++) {
            Word w = words[k];
            if (w.is(EXTENDED_CONNECTORS | ARTICLES) && !nameLike(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Google Drive", "Apple TV", "Verizon Fios TV": a company's or product's name followed by more
     * capitalised words names a product. The end of those words, or {@code end} when there are none.
     */
    private int productRunEnd(TextLine line, int end) {
        Word[] words = line.words();
        int k = end;
        while (k < words.length && !words[k].breakBefore() && !possessive(line, k - 1) && nameLike(words[k])) {
            Word w = words[k];
            if ((!w.is(PRODUCT_WORDS) && w.is(UNINFORMATIVE)) || w.is(ORG_SUFFIXES | LEGAL_FORMS | TITLES)
                    || fold(w).contains("-based")) {
                break;
            }
            Gazetteer.Match known = k == end ? gazetteer.longestAt(words, k) : null;
            if (known != null) {
                break; // "Apple iPad" is Apple's iPad, already known
            }
            k++;
        }
        return k;
    }


    /** Maximal runs of capitalised words not already taken by the gazetteer, trimmed and typed. */
    private void collectRuns(TextLine line, int[] starts, boolean[] consumed, Lexicon lowerCase,
            CaseEvidence evidence, List<Candidate> out) {
        Word[] words = line.words();
        int n = words.length;
        // i: the first word not yet taken; a run starts only at a word with a capital.
        int i = 0;
        for (int start : starts) {
            if (start < i || consumed[start] || !nameLikeAt(words, start)) {
                continue;
            }
            i = start;
            int end = runEnd(line, consumed, i, true);
            if (end - i >= 3 && usesExtendedConnector(words, i, end)
                    && (!orgShaped(words, i, end) || roleBeforeConnector(words, i, end))) {
                end = runEnd(line, consumed, i, false); // "Russia and China" are two names
            }
            Candidate c = candidate(line, i, end, lowerCase, evidence);
            if (c != null) {
                out.add(c);
            }
            // "(NOAA)" right after the name it abbreviates is part of that mention, not another one.
            i = c != null && c.acronym() != null && end < n && words[end].text().equals(c.acronym()) ? end + 1 : end;
        }
    }

    private Candidate candidate(TextLine line, int start, int end, Lexicon lowerCase, CaseEvidence evidence) {
        Word[] words = line.words();
        int s = start;
        int e = end;
        boolean heading = line.kind() != TextLine.Kind.TEXT;
        while (s < e && words[s].is(GENERIC | CONNECTORS)) {
            s++;
        }
        while (e > s && words[e - 1].is(GENERIC | CONNECTORS)) {
            if (e - 2 >= s && words[e - 1].isWord(AI) && !words[e - 2].is(UNINFORMATIVE)) {
                break; // "Quillon AI": the suffix of a company's name, not the generic word
            }
            e--;
        }
        if (s == e) {
            return null;
        }
        if (!heading && s == start && line.sentenceStart(s) && !evidence.midSentenceCapital(words[s])) {
            // Every sentence starts with a capital, so the first word needs evidence of its own: the
            // article capitalises it elsewhere, it is a first name, or the context types the whole run
            // ("Agility Robotics, headquartered in ...", "Shivaun Raff, its co-founder, ...").
            Word first = words[s];
            boolean keep = (e - s >= 2 && (first.is(ORG_PREFIXES) || (!words[s + 1].is(CONNECTORS)
                    && (first.is(FIRST_NAMES) || strongCue(votes(line, s, e))))))
                    || (e - s == 1 && words[s].is(COMPANY_WORDS));
            if (!keep) {
                s++;
                while (s < e && words[s].is(CONNECTORS)) {
                    s++; // "Users of Quibble" at a sentence start leaves "Quibble", not "of Quibble"
                }
            }
        }
        if (e - s == 1 && gazetteer.demonym(words[s])) {
            return null; // "Liberian", "Iranians"
        }
        if (e - s >= 3 && words[s].is(VOCABULARY) && words[s + 1].is(FIRST_NAMES)) {
            s++; // "Secretary of State Hillary Rodham Clinton"
        }
        int size = e - s;
        if (size == 0 || size > 6) {
            return null;
        }
        boolean informative = false;
        for (int k = s; k < e; k++) {
            Word w = words[k];
            if (w.is(CONNECTORS | UNINFORMATIVE)) {
                continue;
            }
            if (w.innerCapital() || !lowerCase.writtenLowerCase(w.lexeme())) {
                informative = true;
            }
        }
        if (!informative) {
            return null;
        }
        int[] votes = heading ? new int[TYPE_COUNT] : votes(line, s, e);
        String acronym = definedAcronym(line, s, e);
        if (size >= 2 && words[e - 1].is(LEGAL_FORMS)) {
            e--; // "Brightwave Inc" and "Brightwave Corp" are Brightwave, typed by the legal form
        }
        return candidate(line, s, e, heading, votes, acronym);
    }

    /** The candidate of words {@code [s, e)} of {@code line}. */
    private static Candidate candidate(TextLine line, int s, int e, boolean heading, int[] votes, String acronym) {
        Word[] words = line.words();
        String surface = surface(line, s, e);
        if (e - s == 1) {
            Word w = words[s];
            String key = w.compactKey();
            return new Candidate(surface, key, Arrays.asList(w.text()), Arrays.asList(key), heading, votes, acronym, w);
        }
        String[] texts = new String[e - s];
        String[] keys = new String[e - s];
        for (int k = s; k < e; k++) {
            texts[k - s] = words[k].text();
            keys[k - s] = words[k].compactKey();
        }
        return new Candidate(surface, Gazetteer.compactKey(surface), Arrays.asList(texts), Arrays.asList(keys),
                heading, votes, acronym, null);
    }

    /** "National Oceanic and Atmospheric Administration (NOAA)": the acronym in brackets, or null. */
    private static String definedAcronym(TextLine line, int s, int e) {
        Word[] words = line.words();
        if (e - s < 2 || e >= words.length || !words[e].allCaps() || !line.gapIs(e, '(')) {
            return null;
        }
        Word acronym = words[e];
        int after = acronym.start() + acronym.text().length();
        char[] chars = line.chars(); // beyond the line: a line break, never ')'
        if (after >= chars.length || chars[after] != ')') {
            return null;
        }
        // The acronym's first letter is the name's first letter: "(AP)" after "Steve Jobs" is no acronym.
        return Character.toUpperCase(words[s].text().charAt(0)) == acronym.text().charAt(0) ? acronym.text() : null;
    }

    private static boolean anyAllCaps(Word[] words, int s, int e) {
        for (int k = s; k < e; k++) {
            if (words[k].allCaps() || !words[k].hasLetter()) {
                return true;
            }
        }
        return false;
    }

    private static boolean strongCue(int[] votes) {
        for (int v : votes) {
            if (v >= 2) {
                return true;
            }
        }
        return false;
    }

    /** The run as written, spaces collapsed, quotes and hyphens normalised. */
    private static String surface(TextLine line, int s, int e) {
        Word first = line.words()[s];
        if (e - s == 1 && !first.rewritten()) {
            return first.text(); // one word as written: the lexicon's string, no copy
        }
        Word last = line.words()[e - 1];
        String raw = new String(line.chars(), first.start(), last.start() + last.text().length() - first.start());
        if (plainSurface(raw)) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = Tokenizer.normalise(raw.charAt(i));
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Whether {@link #surface} leaves {@code raw} as it is: single spaces, nothing to normalise. */
    private static boolean plainSurface(String raw) {
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
            } else if (Tokenizer.normalise(c) != c || Character.isWhitespace(c)) {
                return false;
            } else {
                space = false;
            }
        }
        return true;
    }

    /** Type votes from the words around the run {@code [s, e)}. */
    private int[] votes(TextLine line, int s, int e) {
        int[] votes = new int[TYPE_COUNT];
        Word[] words = line.words();
        int size = e - s;
        Word first = words[s];
        Word last = words[e - 1];
        Word prev = s > 0 ? words[s - 1] : null;
        int prevWord = prev == null ? 0 : prev.lexeme().wordId;
        boolean prevAdjacent = prev != null && !words[s].breakBefore();
        Word next = e < words.length ? words[e] : null;
        boolean nextAdjacent = next != null && !next.breakBefore();

        if (prev != null && prev.is(TITLES) && (prevAdjacent || line.gapIs(s, '.'))) {
            votes[EntityType.PERSON.ordinal()] += 3;
        }
        // Acronyms and brand spellings ("EMarketer says") are organisations, not people.
        boolean notAPerson = size == 1 && (words[s].allCaps() || brandLike(words, s, e) || words[s].spelt(Lexeme.INNER_CAPITALS));
        if (size <= 3 && nextAdjacent && next.is(SPEECH)) {
            // "The United Auto Workers said": people are not "the".
            votes[(prevWord == THE || notAPerson ? EntityType.ORG : EntityType.PERSON).ordinal()] += 2;
        }
        if (size <= 3 && prevAdjacent && !notAPerson && prevWord != TOLD && prevWord != ASKED
                && (prev.is(SPEECH) || prevWord == NAMED
                || (prevWord == OUT && s >= 2 && words[s - 2].isWord(POINTED)))) {
            votes[EntityType.PERSON.ordinal()] += 2;
        }
        if (size == 1 && words[s].allCaps() && prevAdjacent && prevWord == THE) {
            votes[EntityType.ORG.ordinal()] += 2; // "the IAEA", "the NCAA"
        }
        String text = words[s].text();
        if (size == 1 && text.length() > 2 && text.charAt(0) == 'i' && Character.isUpperCase(text.charAt(1))) {
            votes[EntityType.PRODUCT.ordinal()] += 2; // "iMac", "iTunes"
        }
        if (size <= 3 && appositiveRole(line, e)) {
            votes[EntityType.PERSON.ordinal()] += 2;
        }
        boolean companyWord = words[s].is(COMPANY_WORDS) || words[e - 1].is(COMPANY_WORDS);
        if (size >= 2 && size <= 3 && first.is(FIRST_NAMES) && !last.is(ORG_SUFFIXES | PLACE_SUFFIXES | LEGAL_FORMS)
                && !anyAllCaps(words, s, e) && !companyWord && !first.is(COMPASS)
                && gazetteer.byWord(first) == null) {
            // "Gene Munster": a given name and one or two more capitalised words is a person's name.
            votes[EntityType.PERSON.ordinal()] += 2;
        }
        if (companyWord) {
            // "SanDisk Connect": a company's word and a name that is no company word is a product.
            boolean product = size >= 2 && words[s].is(COMPANY_WORDS) && !last.is(ORG_SUFFIXES | LEGAL_FORMS);
            votes[(product ? EntityType.PRODUCT : EntityType.ORG).ordinal()] += size == 1 ? 3 : 2;
        }
        if (platformAfter(line, e)) {
            votes[EntityType.PRODUCT.ordinal()] += 3; // "Evernote (Android, iOS, Win, Mac)", "Algeo for Android"
        }
        if (nextAdjacent && next.is(TITLES)) {
            // "Navy Secretary Ray Mabus", "Dallas Fed President Fisher": the office before the title.
            votes[EntityType.ORG.ordinal()] += 1;
        }
        if (orgShaped(words, s, e) || (size >= 3 && first.is(ORG_PREFIXES)) || (size >= 2 && last.is(LEGAL_FORMS))) {
            votes[EntityType.ORG.ordinal()] += 3;
        } else if (placeShaped(words, s, e) || (size >= 2 && first.is(PLACE_FIRST_WORDS))) {
            votes[EntityType.PLACE.ordinal()] += 2; // "Gulf of Mexico", "Camp Pendleton"
        }
        if (prev != null && !prevAdjacent && line.gapIs(s, ',') && size <= 3
                && prev.is(ROLES | TITLES)) {
            votes[EntityType.PERSON.ordinal()] += 2; // "Liberia's information minister, Lewis Brown, said"
        }
        if (size == 1 && e + 1 < words.length && line.gapIs(e, ',') && next.is(PLACE_STATES)) {
            votes[EntityType.PLACE.ordinal()] += 2; // "Steele, Ala."
        }
        if (prevAdjacent && prev.is(ORG_NOUNS)) {
            votes[EntityType.ORG.ordinal()] += 2;
        }
        if ((prevAdjacent && prev.is(PRODUCT_NOUNS)) || (nextAdjacent && next.is(PRODUCT_NEXT))) {
            votes[EntityType.PRODUCT.ordinal()] += 2;
        }
        if (size >= 2 && last.is(PLACE_SUFFIXES)) {
            votes[EntityType.PLACE.ordinal()] += 2;
        }
        if (prevAdjacent && prevWord == AT && size <= 3 && !words[s].allCaps() && !brandLike(words, s, e)
                && !orgShaped(words, s, e)) {
            votes[EntityType.PLACE.ordinal()] += 1; // "landed at Inchon"
        }
        if (size <= 3 && e + 1 < words.length && line.gapIs(e, ',')
                && words[e].spelt(Lexeme.SHORT_NUMBER) && line.gapIs(e + 1, ',')) {
            votes[EntityType.PERSON.ordinal()] += 2; // "Curie, 21, a Korean exchange student"
        }
        // Brand-like spellings ("EleutherAI") are not places, whatever precedes them.
        if (prevAdjacent && prevWord == IN && size <= 3 && !brandLike(words, s, e)) {
            votes[EntityType.PLACE.ordinal()] += 1;
            if (s >= 2) {
                Word before = words[s - 2];
                if (before.isWord(BASED) || before.isWord(HEADQUARTERED) || before.isWord(BORN)) {
                    votes[EntityType.PLACE.ordinal()] += 2;
                }
            }
        }
        return votes;
    }

    /** After the run, "(" or "for" and, within four words, a platform: "Simplenote (iOS only)". */
    private static boolean platformAfter(TextLine line, int e) {
        Word[] words = line.words();
        int k = e;
        if (k < words.length && words[k].spelt(Lexeme.SHORT_NUMBER) && !words[k].breakBefore()) {
            k++; // "SwiftKey 3 (Android)"
        }
        if (k >= words.length) {
            return false;
        }
        boolean opens = line.gapContains(k, '(') || (words[k].isWord(FOR) && !words[k].breakBefore()
                && k + 1 < words.length && words[k + 1].is(PLATFORMS));
        if (!opens) {
            return false;
        }
        for (int j = k; j < Math.min(words.length, k + 4); j++) {
            if (j > k && line.gapContains(j, ')')) {
                return false;
            }
            if (words[j].is(PLATFORMS)) {
                return true;
            }
        }
        return false;
    }

    /** Has a capital after a lower-case letter in a word: "CloudiTwins", "EleutherAI", "iPhone". */
    private static boolean brandLike(Word[] words, int s, int e) {
        for (int k = s; k < e; k++) {
            if (words[k].spelt(Lexeme.BRAND_LIKE)) {
                return true;
            }
        }
        return false;
    }

    /** "Edward Cui, the CEO of ...": a comma, maybe a determiner, and a role within three words. */
    private static boolean appositiveRole(TextLine line, int e) {
        Word[] words = line.words();
        if (e >= words.length || !line.gapIs(e, ',')) {
            return false;
        }
        int k = e;
        if (words[k].is(DETERMINERS)) {
            k++;
        }
        for (int limit = k + 3; k < limit && k < words.length; k++) {
            if (k > e && words[k].breakBefore()) {
                return false;
            }
            if (words[k].is(ROLES)) {
                return true;
            }
        }
        return false;
    }

    private List<EntityMention> resolve(Map<String, Group> known, List<Candidate> candidates) {
        Unknown unknown = new Unknown(candidates.size());
        List<Candidate> headingCandidates = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.heading()) {
                headingCandidates.add(c);
                continue;
            }
            String key = c.key();
            Gazetteer.Entity entity = c.known(gazetteer);
            if (entity != null && c.votes()[entity.type().ordinal()] == 0 && strongCue(c.votes())) {
                entity = null; // "Kent said": the person, whatever the gazetteer knows a Kent as
            }
            Gazetteer.Entity knownEntity = entity;
            if (knownEntity == null && key.endsWith("s") && c.words().size() == 1) {
                Gazetteer.Entity singular = gazetteer.byCompactKey(key.substring(0, key.length() - 1));
                knownEntity = singular != null && singular.type() == EntityType.PRODUCT ? singular : null; // "iPods"
            }
            Gazetteer.Entity e = knownEntity;
            Group group = e != null
                    ? known.computeIfAbsent(e.name(), n -> new Group(e, null))
                    : unknown.group(key);
            group.add(c.surface(), c.words(), c.keys(), false, c.votes());
        }
        unknown.sort();
        mergePlurals(unknown);
        mergeAcronyms(known, unknown, candidates);
        mergeNameVariants(unknown);
        mergeSurnames(known, unknown);
        mergeLegalForms(known, unknown);
        mergePartialNames(known, unknown);

        // Headings capitalise everything, so they add mentions only to names the text established.
        Map<String, Group> surnameOwners = headingCandidates.isEmpty() ? Map.of() : surnameOwners(known, unknown);
        for (Candidate c : headingCandidates) {
            String key = c.key();
            Gazetteer.Entity entity = c.known(gazetteer);
            Group group = entity != null ? known.get(entity.name()) : unknown.get(key);
            if (group == null && c.words().size() == 1) {
                group = surnameOwners.get(key) == AMBIGUOUS ? null : surnameOwners.get(key);
            }
            if (group != null && group.textMentions > 0) {
                group.add(c.surface(), c.words(), c.keys(), true, c.votes());
            }
        }

        List<EntityMention> out = new ArrayList<>(known.size() + unknown.inKeyOrder().length);
        for (Group g : known.values()) {
            out.add(new EntityMention(g.known.name(), g.known.type(), g.textMentions + g.headingMentions));
        }
        for (Group g : unknown.inKeyOrder()) {
            if (g.removed || g.textMentions == 0) {
                continue;
            }
            EntityType type = typeOf(g);
            if (type != null) {
                out.add(new EntityMention(g.canonical(), type, g.textMentions + g.headingMentions));
            }
        }
        out.sort(MOST_MENTIONED_FIRST);
        return dedupeNames(out);
    }

    /**
     * The type the evidence points to, or null to drop the name. One weak cue (a first name, "in X")
     * needs a second mention. Untyped names need a second mention too and then are taken as
     * organisations: the commonest kind of repeated capitalised name in tech news that is not a
     * person (persons are usually typed by a title, a quote or a first name).
     */
    private static EntityType typeOf(Group g) {
        EntityType best = null;
        int bestVotes = 0;
        for (EntityType t : TYPES) {
            if (g.votes[t.ordinal()] > bestVotes) {
                best = t;
                bestVotes = g.votes[t.ordinal()];
            }
        }
        int mentions = g.textMentions + g.headingMentions;
        if (bestVotes >= 2 || (best != null && mentions >= 2)) {
            return best;
        }
        if (mentions < 2) {
            return null;
        }
        if (g.words.size() == 1 && NameWords.on(FIRST_NAMES, g.words.get(0).toLowerCase(Locale.ROOT))) {
            return null; // a lone first name: someone, but who?
        }
        // Two or three plain capitalised words ("Maurkice Pouncey") are most often a person whose given
        // name is not on the list; other repeated names most often an organisation.
        return g.words.size() >= 2 && g.words.size() <= 3 && plainWords(g.words) ? EntityType.PERSON : EntityType.ORG;
    }

    /** "iPods" after "iPod": one product. */
    private static void mergePlurals(Unknown unknown) {
        // In key order, so a singular ("ipod") is still there when its plural ("ipods") comes.
        for (Group g : unknown.inKeyOrder()) {
            String key = g.key;
            if (g.removed) {
                continue;
            }
            Group singular = key.endsWith("s") ? unknown.get(key.substring(0, key.length() - 1)) : null;
            if (singular != null && g.words.size() == 1) {
                singular.absorb(g);
                unknown.remove(g);
            }
        }
    }

    /** "University of Georgia (UGA)": later mentions of UGA are the university. */
    private void mergeAcronyms(Map<String, Group> known, Unknown unknown, List<Candidate> candidates) {
        for (Candidate c : candidates) {
            if (c.acronym() == null || c.heading()) {
                continue;
            }
            String longKey = c.key();
            Gazetteer.Entity entity = c.known(gazetteer);
            Group target = entity != null ? known.get(entity.name()) : unknown.get(longKey);
            Group acronym = unknown.get(Gazetteer.compactKey(c.acronym()));
            if (target != null && acronym != null && target != acronym) {
                target.absorb(acronym);
                unknown.remove(acronym);
            }
        }
    }

    /** "Verizon Communications" after "Verizon", "Genentech Inc.": a known company plus a company word. */
    private void mergeLegalForms(Map<String, Group> known, Unknown unknown) {
        for (Group g : unknown.inKeyOrder()) {
            if (g.removed || g.words.size() < 2) {
                continue;
            }
            Gazetteer.Entity first = gazetteer.byCompactKey(g.keys().get(0));
            if (first == null || first.type() != EntityType.ORG) {
                continue;
            }
            boolean rest = true;
            for (int k = 1; k < g.words.size(); k++) {
                String w = g.words.get(k).toLowerCase(Locale.ROOT).replace(".", "");
                rest &= NameWords.on(ORG_SUFFIXES, w) || NameWords.on(LEGAL_FORMS, w);
            }
            if (rest) {
                known.computeIfAbsent(first.name(), n -> new Group(first, null)).absorb(g);
                unknown.remove(g);
            }
        }
    }

    /**
     * A shorter name that starts or ends exactly one longer name of the article that is not a person's
     * ("Corps" after "Marine Corps", "Security Council" after "U.N. Security Council"), or that is its
     * initials ("FOMC" for "Federal Open Market Committee"): the same organisation or place, named short.
     */
    private static void mergePartialNames(Map<String, Group> known, Unknown unknown) {
        // Candidate owners: names of two or more words that are not a person's, found by their first
        // and last word (or, for an acronym, by their initials), so each short name meets only its own.
        List<Group> owners = new ArrayList<>();
        Map<String, List<Group>> byFirst = new HashMap<>();
        Map<String, List<Group>> byLast = new HashMap<>();
        for (Group other : all(known, unknown)) {
            List<String> keys = other.keys();
            if (keys.size() >= 2 && !other.personLike()
                    && (other.known == null || other.known.type() != EntityType.PERSON)) {
                owners.add(other);
                byFirst.computeIfAbsent(keys.get(0), k -> new ArrayList<>(2)).add(other);
                byLast.computeIfAbsent(keys.get(keys.size() - 1), k -> new ArrayList<>(2)).add(other);
            }
        }
        if (owners.isEmpty()) {
            return;
        }
        String[] ownerInitials = null; // made when the first acronym comes
        for (Group g : unknown.inKeyOrder()) {
            String key = g.key;
            if (g.removed || g.personLike() || g.words.size() > 3) {
                continue;
            }
            List<String> part = g.keys();
            boolean acronym = g.words.size() == 1 && g.words.get(0).length() >= 2 && upperCase(g.words.get(0));
            String first = part.get(0);
            PartOwner owner = new PartOwner();
            owner.consider(g, byFirst.get(first), false);
            owner.consider(g, byLast.get(part.get(part.size() - 1)), false);
            if (part.size() == 1 && first.endsWith("s")) {
                owner.consider(g, byFirst.get(first.substring(0, first.length() - 1)), false);
            }
            if (acronym) {
                if (ownerInitials == null) {
                    // An owner's words do not change here (a part is shorter), so neither do its initials.
                    ownerInitials = new String[owners.size()];
                    for (int k = 0; k < ownerInitials.length; k++) {
                        ownerInitials[k] = initials(owners.get(k).nameWords());
                    }
                }
                for (int k = 0; k < ownerInitials.length; k++) {
                    if (ownerInitials[k].equals(key)) {
                        owner.consider(g, owners.get(k), true);
                    }
                }
            }
            if (owner.owner != null && !owner.ambiguous) {
                owner.owner.absorb(g);
                unknown.remove(g);
            }
        }
    }

    /** The one longer name a short name is part of, as {@link #mergePartialNames} looks for it. */
    private static final class PartOwner {
        Group owner;
        boolean ambiguous;

        /** Considers {@code candidates} (null for none); {@code initials}: they have the part's key as initials. */
        void consider(Group part, List<Group> candidates, boolean initials) {
            if (candidates == null) {
                return;
            }
            for (Group other : candidates) {
                consider(part, other, initials);
            }
        }

        /** Considers {@code other}; {@code initials}: its initials are the part's key. */
        void consider(Group part, Group other, boolean initials) {
            List<String> keys = part.keys();
            List<String> whole = other.keys();
            if (other == part || other == owner || other.removed || whole.size() <= keys.size()) {
                return;
            }
            boolean head = startsWith(whole, keys)
                    || (keys.size() == 1 && isPlural(keys.get(0), whole.get(0))) // "Marines", "Marine Corps"
                    // the last word is the head of "Marine Corps", not of "Association of Alabama"
                    || (endsWith(whole, keys) && !whole.contains("of"));
            if (initials || (head && compatible(part, other))) {
                ambiguous |= owner != null;
                owner = other;
            }
        }
    }

    /** Whether upper-casing leaves {@code w} as it is ("NASA", "3M"). */
    private static boolean upperCase(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 0x80) {
                return w.equals(w.toUpperCase(Locale.ROOT)); // Unicode's special cases
            }
            if (c >= 'a' && c <= 'z') {
                return false;
            }
        }
        return true;
    }

    /** "marines" of "marine", without building the plural. */
    private static boolean isPlural(String plural, String singular) {
        return plural.length() == singular.length() + 1 && plural.endsWith("s") && plural.startsWith(singular);
    }

    private static boolean startsWith(List<String> whole, List<String> part) {
        for (int k = 0; k < part.size(); k++) {
            if (!whole.get(k).equals(part.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean endsWith(List<String> whole, List<String> part) {
        int offset = whole.size() - part.size();
        for (int k = 0; k < part.size(); k++) {
            if (!whole.get(offset + k).equals(part.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The initials of {@code words}, lower-case, connectors skipped: "fomc" of "Federal Open Market
     * Committee", to compare with an acronym's key.
     */
    private static String initials(List<String> words) {
        StringBuilder initials = new StringBuilder(words.size());
        for (String w : words) {
            if (w.isEmpty() || (w.length() <= CONNECTOR_LONGEST && skippedInInitials(w.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            initials.append(Character.toLowerCase(w.charAt(0)));
        }
        return initials.toString();
    }

    /** The longest word {@link #initials} skips: longer words need no lookup. */
    private static final int CONNECTOR_LONGEST = Math.max(NameWords.longest(CONNECTORS),
            Math.max(NameWords.longest(EXTENDED_CONNECTORS), NameWords.longest(ARTICLES)));

    private static boolean skippedInInitials(String folded) {
        return NameWords.on(CONNECTORS, folded) || NameWords.on(EXTENDED_CONNECTORS, folded)
                || NameWords.on(ARTICLES, folded);
    }

    /** A short name whose own context says place is not the organisation that ends with it. */
    private static boolean compatible(Group part, Group whole) {
        int best = -1;
        int bestVotes = 0;
        for (int t = 0; t < part.votes.length; t++) {
            if (part.votes[t] > bestVotes) {
                best = t;
                bestVotes = part.votes[t];
            }
        }
        if (best < 0) {
            return true;
        }
        if (whole.known != null) {
            return whole.known.type().ordinal() == best;
        }
        int wholeBest = -1;
        int wholeVotes = 0;
        for (int t = 0; t < whole.votes.length; t++) {
            if (whole.votes[t] > wholeVotes) {
                wholeBest = t;
                wholeVotes = whole.votes[t];
            }
        }
        return wholeBest < 0 || wholeBest == best;
    }

    /** Capitalised, then lower-case letters only: "Pouncey", not "NES", "iQ5" or "Tribune-Review". */
    private static boolean plainWords(List<String> words) {
        for (String w : words) {
            if (w.length() < 2 || !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
            for (int i = 1; i < w.length(); i++) {
                if (!Character.isLowerCase(w.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** "Charles Dyer" and "Charles A. Dyer": same first and last word, one person. */
    private static void mergeNameVariants(Unknown unknown) {
        // The first group in key order with given ends takes the later ones.
        Map<Ends, Group> byEnds = new HashMap<>();
        for (Group g : unknown.inKeyOrder()) {
            if (g.removed || g.words.size() < 2) {
                continue;
            }
            List<String> keys = g.keys();
            Group target = byEnds.putIfAbsent(new Ends(keys.get(0), keys.get(keys.size() - 1)), g);
            if (target != null) {
                target.absorb(g);
                unknown.remove(g);
            }
        }
    }

    /** The first and last word of a name, as keys: a pair rather than a joined string, whose hash each key has already. */
    private record Ends(String first, String last) {}

    /** A lone surname ("Leahy") joins the one person of the article with that last name. */
    private static void mergeSurnames(Map<String, Group> known, Unknown unknown) {
        Map<String, Group> owners = surnameOwners(known, unknown);
        if (owners.isEmpty()) {
            return;
        }
        for (Group g : unknown.inKeyOrder()) {
            if (g.removed || g.words.size() != 1) {
                continue;
            }
            Group owner = owners.get(g.key);
            if (owner != null && owner != AMBIGUOUS && owner != g) {
                owner.absorb(g);
                unknown.remove(g);
            }
        }
    }

    /** Stands for a surname that two people of the article share. */
    private static final Group AMBIGUOUS = new Group(null, null);

    /** Surname key → the one person of the article with that last name, or {@link #AMBIGUOUS}. */
    private static Map<String, Group> surnameOwners(Map<String, Group> known, Unknown unknown) {
        Map<String, Group> owners = new HashMap<>();
        for (Group other : all(known, unknown)) {
            List<String> keys = other.keys();
            if (keys.size() < 2 || !other.personLike()) {
                continue;
            }
            owners.merge(keys.get(keys.size() - 1), other, (a, b) -> a == b ? a : AMBIGUOUS);
        }
        return owners;
    }

    /** The known names' groups, then the others' still there, in key order. */
    private static List<Group> all(Map<String, Group> known, Unknown unknown) {
        List<Group> all = new ArrayList<>(known.size() + unknown.inKeyOrder().length);
        all.addAll(known.values());
        for (Group g : unknown.inKeyOrder()) {
            if (!g.removed) {
                all.add(g);
            }
        }
        return all;
    }

    /** Two groups that ended with the same canonical name (a form of a known name, say) become one. */
    private static List<EntityMention> dedupeNames(List<EntityMention> sorted) {
        Set<String> names = new HashSet<>(2 * sorted.size());
        boolean twice = false;
        for (EntityMention m : sorted) {
            twice |= !names.add(m.name());
        }
        if (!twice) {
            return sorted;
        }
        Map<String, EntityMention> byName = new LinkedHashMap<>();
        for (EntityMention m : sorted) {
            byName.merge(m.name(), m, (a, b) -> new EntityMention(a.name(), a.type(), a.mentions() + b.mentions()));
        }
        List<EntityMention> out = new ArrayList<>(byName.values());
        out.sort(MOST_MENTIONED_FIRST);
        return out;
    }

}
