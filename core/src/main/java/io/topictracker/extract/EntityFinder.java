package io.topictracker.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the named entities of an article: names from the {@link Gazetteer}, plus runs of capitalised
 * words in running text that the article's own evidence says are names, typed by context cues and
 * merged with their aliases ("Leahy" after "Connor Leahy", "Open AI" as "OpenAI"). Precision over
 * recall: a name with neither a type nor a second mention is dropped. Stateless apart from the
 * immutable gazetteer, so one instance serves all threads.
 */
final class EntityFinder {

    /**
     * Words that are capitalised for reasons other than being a name: function and discourse words,
     * calendar words, generic acronyms, nationalities. Trimmed from the edges of a capitalised run
     * ("The", "However"), and a run made only of these and {@link #VOCABULARY} is not a name.
     */
    private static final Set<String> GENERIC = words(
            // function and discourse words
            "the", "a", "an", "this", "that", "these", "those", "there", "here", "it", "its", "our", "we", "us",
            "you", "your", "i", "my", "me", "he", "his", "him", "she", "her", "they", "them", "their", "what",
            "which", "who", "whom", "whose", "when", "where", "why", "how", "if", "then", "than", "so", "as",
            "at", "by", "for", "from", "in", "into", "of", "on", "or", "and", "but", "nor", "not", "no", "yes",
            "to", "up", "with", "without", "within", "about", "after", "before", "all", "also", "any", "because",
            "both", "during", "each", "however", "moreover", "furthermore", "meanwhile", "nevertheless",
            "nonetheless", "therefore", "thus", "hence", "instead", "indeed", "overall", "finally", "first",
            "firstly", "second", "secondly", "third", "lastly", "next", "last", "other", "others", "same",
            "some", "such", "only", "just", "very", "more", "most", "less", "many", "much", "several", "every",
            "either", "neither", "whether", "while", "although", "though", "unless", "until", "since", "yet",
            "still", "already", "even", "never", "always", "often", "perhaps", "maybe", "now", "today",
            "tomorrow", "yesterday", "recently", "currently", "according", "additionally", "consequently",
            "similarly", "ultimately", "importantly", "interestingly", "notably", "essentially", "clearly",
            "hey", "hi", "hello", "dear", "thanks", "please", "ok", "okay", "conclusion", "introduction",
            "summary", "overview", "background", "update", "note", "source", "image", "photo", "video",
            "chapter", "section", "part", "figure", "table", "step", "prompt", "question", "answer", "key",
            "takeaways", "new", "latest", "breaking", "exclusive", "opinion", "analysis", "review",
            // calendar
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
            "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "spring", "summer", "autumn", "fall", "winter", "christmas", "easter",
            // generic acronyms
            "ai", "ceo", "cto", "cfo", "coo", "cio", "ciso", "vp", "svp", "evp", "api", "apis", "llm", "llms",
            "gpu", "gpus", "cpu", "cpus", "esg", "ev", "evs", "it", "hr", "pr", "faq", "faqs", "pdf", "agi",
            "ml", "nlp", "saas", "iot", "vr", "ar", "xr", "ipo", "r&d", "sic", "usd", "gdp", "tv", "pc", "os",
            "ui", "ux", "url", "html", "css", "sql", "b2b", "b2c", "phd", "mba", "am", "pm", "etc", "q&a",
            "dei", "kpi", "roi", "seo", "gpt", "ssd", "ram", "5g", "4g", "3d", "dna", "covid", "covid-19",
            "nft", "nfts", "dao", "sdk", "cli", "ide", "gui", "ocr", "rag", "tpu", "npu", "vpn", "dns", "http",
            "https", "ip", "isp", "id", "ddos", "ceos", "cybersecurity",
            // nationalities and the like
            "american", "americans", "chinese", "european", "europeans", "british", "french", "german",
            "japanese", "korean", "indian", "russian", "israeli", "canadian", "australian", "african", "asian",
            "western", "eastern", "english", "spanish", "italian", "dutch", "swedish", "irish", "ukrainian",
            "republican", "republicans", "democrat", "democrats", "democratic", "christian", "muslim", "jewish");

    /**
     * Tech vocabulary that articles like to capitalise ("Artificial Intelligence", "Machine Learning"):
     * no name on its own, but unlike {@link #GENERIC} words kept inside a name ("Computer &
     * Communications Industry Association", "Cloud Native Computing Foundation").
     */
    private static final Set<String> VOCABULARY = words(
            "artificial", "intelligence", "machine", "learning", "generative", "deep", "neural", "network",
            "networks", "language", "model", "models", "large", "data", "science", "computer", "vision",
            "cloud", "computing", "security", "privacy", "technology", "innovation", "research", "development",
            "open", "source", "software", "hardware", "digital", "virtual", "reality", "augmented", "quantum",
            "blockchain", "crypto", "cryptocurrency", "metaverse", "robotics", "automation", "analytics",
            "big", "tech", "internet", "web", "things", "edge", "social", "media", "smart", "chatbot",
            "assistant", "search", "platform", "infrastructure", "startup", "startups", "industry", "sector",
            "market", "markets", "economy", "policy", "law", "regulation", "ethics", "governance", "strategy",
            "leadership", "management", "marketing", "business", "enterprise", "productivity", "culture",
            "education", "healthcare", "health", "finance", "fintech", "energy", "climate", "future", "trends",
            "news", "insights", "benefits", "challenges", "risks", "opportunities", "implications", "impact",
            "role", "rise", "age", "era", "revolution", "guide", "tips", "best", "practices", "government",
            "online", "website", "app", "apps", "email", "global", "world", "national", "international",
            "federal", "state", "public", "general", "multimodal", "agent", "agents", "agentic");

    /** Words that precede a person's name and are not part of it. */
    private static final Set<String> TITLES = words(
            "ceo", "cto", "cfo", "coo", "mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "dame", "president", "senator", "sen",
            "rep", "representative", "governor", "gov", "judge", "justice", "minister", "chancellor",
            "chairman", "chairwoman", "secretary", "mayor", "pope", "gen", "general", "colonel", "captain");

    /** Verbs that attribute speech, the commonest sign of a person in news. */
    private static final Set<String> SPEECH = words(
            "said", "says", "told", "added", "adds", "explained", "explains", "wrote", "writes", "argued",
            "argues", "noted", "notes", "stated", "tweeted", "believes", "thinks", "warned", "warns", "asked",
            "suggested", "suggests", "claimed", "insisted", "recalled", "acknowledged", "admitted",
            "concluded", "predicted", "predicts", "cautioned", "emphasized", "emphasised", "stressed",
            "observed", "remarked", "replied", "commented", "agreed", "contends", "contended");

    /** Roles in an appositive after a name ("Kush Varshney, an AI researcher at IBM"). */
    private static final Set<String> ROLES = words(
            "ceo", "cto", "cfo", "coo", "cio", "ciso", "founder", "co-founder", "cofounder", "president",
            "chairman", "chairwoman", "chair", "director", "head", "chief", "professor", "researcher",
            "scientist", "engineer", "analyst", "economist", "manager", "spokesperson", "spokesman",
            "spokeswoman", "executive", "officer", "investor", "lawyer", "attorney", "senator",
            "representative", "minister", "secretary", "commissioner", "official", "expert", "author",
            "journalist", "reporter", "editor", "entrepreneur", "advisor", "adviser", "consultant", "fellow",
            "lecturer", "student", "activist", "whistleblower", "vp", "ambassador", "governor", "mayor", "judge",
            "programmer", "technologist", "founding", "cofounders");

    private static final Set<String> DETERMINERS = words("a", "an", "the", "its", "their", "his", "her", "our");

    /** Nouns that introduce an organisation's name ("AI company Graviti"). */
    private static final Set<String> ORG_NOUNS = words(
            "company", "startup", "start-up", "firm", "corporation", "conglomerate", "chipmaker", "automaker",
            "carmaker", "retailer", "lab", "laboratory", "publisher", "outlet", "nonprofit", "non-profit",
            "organization", "organisation", "agency", "regulator", "watchdog", "bank", "insurer", "studio",
            "provider", "vendor", "rival", "competitor", "subsidiary", "group", "consultancy", "university");

    /** Nouns that introduce a product's name ("the chatbot Bard"). */
    private static final Set<String> PRODUCT_NOUNS = words(
            "app", "chatbot", "browser", "framework", "library", "smartphone", "phone", "software", "tool",
            "assistant", "game", "console", "headset", "language", "codebase", "codebases");

    /** Nouns that follow a product's name ("its Digit robot", "the Pixel phone"). */
    private static final Set<String> PRODUCT_NEXT = words(
            "robot", "robots", "app", "chatbot", "chip", "chips", "phone", "phones", "smartphone", "headset",
            "laptop", "tablet", "browser", "assistant", "device", "console", "processor", "model", "models",
            "drone", "software", "plugin", "extension");

    /** Last words of organisation names. */
    private static final Set<String> ORG_SUFFIXES = words(
            "inc", "corp", "corporation", "ltd", "llc", "plc", "gmbh", "ag", "co", "labs", "lab",
            "technologies", "systems", "group", "holdings", "foundation", "institute", "university",
            "college", "association", "agency", "commission", "ministry", "department", "council", "bank",
            "capital", "ventures", "partners", "networks", "software", "robotics", "motors", "airlines",
            "pharmaceuticals", "therapeutics", "studios", "games", "entertainment", "society", "committee",
            "authority", "court", "parliament", "senate", "party", "union", "alliance", "consortium", "fund",
            "surgical", "health", "media", "research", "logistics", "solutions", "industries", "electronics",
            "semiconductor", "semiconductors", "communications", "telecom", "dynamics", "aerospace", "pharma",
            "biotech", "analytics", "workers");

    /** First words of organisation names ("University of ..."). */
    private static final Set<String> ORG_PREFIXES = words("university", "bank", "department", "ministry", "institute");

    /** Last words of place names. */
    private static final Set<String> PLACE_SUFFIXES = words(
            "city", "county", "valley", "province", "island", "islands", "republic", "kingdom", "bay", "coast",
            "peninsula", "region", "district", "mountains", "river", "lake");

    /** Lower-case words allowed inside a name ("Bank of America", "Procter & Gamble"). */
    private static final Set<String> CONNECTORS = words("of", "de", "del", "van", "von", "der", "da", "&");

    private static final Set<String> FIRST_NAMES = readFirstNames();

    /** A word set from a long hand-written list, where a repeat is harmless. */
    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    private final Gazetteer gazetteer;

    EntityFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A capitalised run seen in the article, with the votes its context gave each type. */
    private record Candidate(String surface, List<String> words, boolean heading, int[] votes) {}

    /** Everything seen of one entity in one article. */
    private static final class Group {
        final Gazetteer.Entity known;
        final Map<String, Integer> forms = new TreeMap<>();
        final int[] votes = new int[EntityType.values().length];
        List<String> words = List.of();
        int textMentions;
        int headingMentions;

        Group(Gazetteer.Entity known) {
            this.known = known;
        }

        void add(String surface, List<String> surfaceWords, boolean heading, int[] typeVotes) {
            forms.merge(surface, 1, Integer::sum);
            if (surfaceWords.size() > words.size()) {
                words = surfaceWords;
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
            other.forms.forEach((form, count) -> forms.merge(form, count, Integer::sum));
            if (other.words.size() > words.size()) {
                words = other.words;
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
            for (Map.Entry<String, Integer> e : forms.entrySet()) {
                if (best == null || e.getKey().length() > best.length()
                        || (e.getKey().length() == best.length() && e.getValue() > forms.get(best))) {
                    best = e.getKey();
                }
            }
            return best;
        }
    }

    /** The entities of an article's kept lines, most mentioned first, then by name. */
    List<EntityMention> find(List<TextLine> lines) {
        Set<String> lowerCaseStems = new HashSet<>();
        List<String> stems = new ArrayList<>();
        for (TextLine line : lines) {
            for (Word w : line.words()) {
                if (w.lowerCase()) {
                    stems.clear();
                    Tokenizer.addThemeTokens(w, stems);
                    lowerCaseStems.addAll(stems);
                }
            }
        }
        return find(lines, lowerCaseStems);
    }

    /**
     * As {@link #find(List)}, given the stems of the words the article writes in lower case (the
     * extractor has them from theme matching): such words are ordinary words in this article.
     */
    List<EntityMention> find(List<TextLine> lines, Set<String> lowerCaseStems) {
        // A capital in mid-sentence is evidence of a name; a capital at a sentence start only with it.
        Set<String> midSentenceCapitals = new HashSet<>();
        for (TextLine line : lines) {
            if (line.kind() != TextLine.Kind.TEXT) {
                continue;
            }
            List<Word> words = line.words();
            for (int i = 1; i < words.size(); i++) {
                Word w = words.get(i);
                if (w.capitalised() && !line.sentenceStart(i)) {
                    midSentenceCapitals.add(w.text());
                }
            }
        }

        Map<String, Group> known = new TreeMap<>();
        List<Candidate> candidates = new ArrayList<>();
        List<String> scratch = new ArrayList<>();
        for (TextLine line : lines) {
            if (line.kind() == TextLine.Kind.SHOUTING) {
                continue;
            }
            boolean heading = line.kind() == TextLine.Kind.HEADING;
            List<Word> words = line.words();
            boolean[] consumed = new boolean[words.size()];
            for (int i = 0; i < words.size(); ) {
                Gazetteer.Match m = gazetteer.longestAt(words, i);
                if (m == null || (m.weak() && !weakFormCounts(line, m))) {
                    i++;
                    continue;
                }
                String name = m.entity().name();
                known.computeIfAbsent(name, n -> new Group(m.entity()))
                        .add(name, List.of(), heading, new int[EntityType.values().length]);
                for (int k = m.start(); k < m.end(); k++) {
                    consumed[k] = true;
                }
                i = m.end();
            }
            collectRuns(line, consumed, lowerCaseStems, midSentenceCapitals, scratch, candidates);
        }
        return resolve(known, candidates);
    }

    /** A weak gazetteer form counts only mid-sentence in running text, and alone. */
    private static boolean weakFormCounts(TextLine line, Gazetteer.Match m) {
        if (line.kind() != TextLine.Kind.TEXT || line.sentenceStart(m.start())) {
            return false;
        }
        List<Word> words = line.words();
        if (m.start() > 0 && !words.get(m.start()).breakBefore() && nameLike(words.get(m.start() - 1))) {
            return false;
        }
        return m.end() >= words.size() || words.get(m.end()).breakBefore() || !nameLike(words.get(m.end()));
    }

    private static boolean nameLike(Word w) {
        return (w.capitalised() || w.innerCapital()) && !TITLES.contains(w.folded());
    }

    private static String fold(Word w) {
        return w.folded();
    }

    /** Generic, also as a contraction: "I've", "We're". */
    private static boolean generic(String folded) {
        int apostrophe = folded.indexOf('\'');
        return GENERIC.contains(apostrophe > 0 ? folded.substring(0, apostrophe) : folded);
    }

    /** No evidence of a name by itself: a generic word or capitalised tech vocabulary. */
    private static boolean uninformative(String folded) {
        return generic(folded) || VOCABULARY.contains(folded);
    }

    /** Maximal runs of capitalised words not already taken by the gazetteer, trimmed and typed. */
    private static void collectRuns(TextLine line, boolean[] consumed, Set<String> lowerCaseStems,
            Set<String> midSentenceCapitals, List<String> scratch, List<Candidate> out) {
        List<Word> words = line.words();
        int n = words.size();
        int i = 0;
        while (i < n) {
            if (consumed[i] || !nameLike(words.get(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n) {
                Word next = words.get(end);
                if (!consumed[end] && nameLike(next) && !next.breakBefore()) {
                    end++;
                } else if (end + 1 < n && !next.breakBefore() && CONNECTORS.contains(fold(next))
                        && !consumed[end + 1] && nameLike(words.get(end + 1)) && !words.get(end + 1).breakBefore()) {
                    end += 2;
                } else {
                    break;
                }
            }
            Candidate c = candidate(line, i, end, lowerCaseStems, midSentenceCapitals, scratch);
            if (c != null) {
                out.add(c);
            }
            i = end;
        }
    }

    private static Candidate candidate(TextLine line, int start, int end, Set<String> lowerCaseStems,
            Set<String> midSentenceCapitals, List<String> scratch) {
        List<Word> words = line.words();
        int s = start;
        int e = end;
        boolean heading = line.kind() != TextLine.Kind.TEXT;
        while (s < e && (generic(fold(words.get(s))) || CONNECTORS.contains(fold(words.get(s))))) {
            s++;
        }
        while (e > s && (generic(fold(words.get(e - 1))) || CONNECTORS.contains(fold(words.get(e - 1))))) {
            e--;
        }
        if (s == e) {
            return null;
        }
        if (!heading && s == start && line.sentenceStart(s) && !midSentenceCapitals.contains(words.get(s).text())) {
            // Every sentence starts with a capital, so the first word needs evidence of its own: the
            // article capitalises it elsewhere, it is a first name, or the context types the whole run
            // ("Agility Robotics, headquartered in ...", "Shivaun Raff, its co-founder, ...").
            String first = fold(words.get(s));
            boolean keep = e - s >= 2 && (ORG_PREFIXES.contains(first) || (!CONNECTORS.contains(fold(words.get(s + 1)))
                    && (FIRST_NAMES.contains(first) || strongCue(votes(line, s, e)))));
            if (!keep) {
                s++;
                while (s < e && CONNECTORS.contains(fold(words.get(s)))) {
                    s++; // "Users of Quibble" at a sentence start leaves "Quibble", not "of Quibble"
                }
            }
        }
        int size = e - s;
        if (size == 0 || size > 6) {
            return null;
        }
        boolean informative = false;
        for (int k = s; k < e; k++) {
            Word w = words.get(k);
            String folded = fold(w);
            if (CONNECTORS.contains(folded) || uninformative(folded)) {
                continue;
            }
            scratch.clear();
            Tokenizer.addThemeTokens(w, scratch);
            if (w.innerCapital() || !lowerCaseStems.containsAll(scratch)) {
                informative = true;
            }
        }
        if (!informative) {
            return null;
        }
        if (size == 1 && words.get(s).allCaps()) {
            return null; // unknown acronyms are more often jargon than names
        }
        List<String> texts = new ArrayList<>(size);
        for (int k = s; k < e; k++) {
            texts.add(words.get(k).text());
        }
        int[] votes = heading ? new int[EntityType.values().length] : votes(line, s, e);
        return new Candidate(surface(line, s, e), List.copyOf(texts), heading, votes);
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
        Word last = line.words().get(e - 1);
        String raw = line.text().substring(line.words().get(s).start(), last.start() + last.text().length());
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

    /** Type votes from the words around the run {@code [s, e)}. */
    private static int[] votes(TextLine line, int s, int e) {
        int[] votes = new int[EntityType.values().length];
        List<Word> words = line.words();
        int size = e - s;
        String first = fold(words.get(s));
        String last = fold(words.get(e - 1));
        Word prev = s > 0 ? words.get(s - 1) : null;
        String prevText = prev == null ? "" : fold(prev);
        boolean prevAdjacent = prev != null && !words.get(s).breakBefore();
        Word next = e < words.size() ? words.get(e) : null;
        String nextText = next == null ? "" : fold(next);
        boolean nextAdjacent = next != null && !next.breakBefore();

        if (prev != null && TITLES.contains(prevText) && (prevAdjacent || line.gapBefore(s).strip().equals("."))) {
            votes[EntityType.PERSON.ordinal()] += 3;
        }
        if (size <= 3 && nextAdjacent && SPEECH.contains(nextText)) {
            // "The United Auto Workers said": people are not "the".
            votes[(prevText.equals("the") ? EntityType.ORG : EntityType.PERSON).ordinal()] += 2;
        }
        if (size <= 3 && prevAdjacent && (SPEECH.contains(prevText) || prevText.equals("named")
                || (prevText.equals("out") && s >= 2 && fold(words.get(s - 2)).equals("pointed")))) {
            votes[EntityType.PERSON.ordinal()] += 2;
        }
        if (size <= 3 && appositiveRole(line, e)) {
            votes[EntityType.PERSON.ordinal()] += 2;
        }
        if (size >= 2 && size <= 3 && FIRST_NAMES.contains(first) && !ORG_SUFFIXES.contains(last)) {
            votes[EntityType.PERSON.ordinal()] += 1;
        }
        if ((size >= 2 && ORG_SUFFIXES.contains(last)) || (size >= 3 && ORG_PREFIXES.contains(first))) {
            votes[EntityType.ORG.ordinal()] += 3;
        }
        if (prevAdjacent && ORG_NOUNS.contains(prevText)) {
            votes[EntityType.ORG.ordinal()] += 2;
        }
        if ((prevAdjacent && PRODUCT_NOUNS.contains(prevText)) || (nextAdjacent && PRODUCT_NEXT.contains(nextText))) {
            votes[EntityType.PRODUCT.ordinal()] += 2;
        }
        if (size >= 2 && PLACE_SUFFIXES.contains(last)) {
            votes[EntityType.PLACE.ordinal()] += 2;
        }
        // Brand-like spellings ("EleutherAI") are not places, whatever precedes them.
        if (prevAdjacent && prevText.equals("in") && size <= 3 && !brandLike(words, s, e)) {
            votes[EntityType.PLACE.ordinal()] += 1;
            if (s >= 2) {
                String before = fold(words.get(s - 2));
                if (before.equals("based") || before.equals("headquartered") || before.equals("born")) {
                    votes[EntityType.PLACE.ordinal()] += 2;
                }
            }
        }
        return votes;
    }

    /** Has a capital after the first letter of a word: "CloudiTwins", "EleutherAI", "iPhone". */
    private static boolean brandLike(List<Word> words, int s, int e) {
        for (int k = s; k < e; k++) {
            String t = words.get(k).text();
            for (int c = 1; c < t.length(); c++) {
                if (Character.isUpperCase(t.charAt(c)) && Character.isLowerCase(t.charAt(c - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Edward Cui, the CEO of ...": a comma, maybe a determiner, and a role within three words. */
    private static boolean appositiveRole(TextLine line, int e) {
        List<Word> words = line.words();
        if (e >= words.size() || !line.gapBefore(e).strip().equals(",")) {
            return false;
        }
        int k = e;
        if (DETERMINERS.contains(fold(words.get(k)))) {
            k++;
        }
        for (int limit = k + 3; k < limit && k < words.size(); k++) {
            if (k > e && words.get(k).breakBefore()) {
                return false;
            }
            if (ROLES.contains(fold(words.get(k)))) {
                return true;
            }
        }
        return false;
    }

    private List<EntityMention> resolve(Map<String, Group> known, List<Candidate> candidates) {
        Map<String, Group> unknown = new TreeMap<>();
        List<Candidate> headingCandidates = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.heading()) {
                headingCandidates.add(c);
                continue;
            }
            String key = Gazetteer.compactKey(c.surface());
            Gazetteer.Entity entity = gazetteer.byCompactKey(key);
            Group group = entity != null
                    ? known.computeIfAbsent(entity.name(), n -> new Group(entity))
                    : unknown.computeIfAbsent(key, k -> new Group(null));
            group.add(c.surface(), c.words(), false, c.votes());
        }
        mergeNameVariants(unknown);
        mergeSurnames(known, unknown);

        // Headings capitalise everything, so they add mentions only to names the text established.
        for (Candidate c : headingCandidates) {
            String key = Gazetteer.compactKey(c.surface());
            Gazetteer.Entity entity = gazetteer.byCompactKey(key);
            Group group = entity != null ? known.get(entity.name()) : unknown.get(key);
            if (group == null && c.words().size() == 1) {
                group = surnameOwner(known, unknown, key);
            }
            if (group != null && group.textMentions > 0) {
                group.add(c.surface(), c.words(), true, c.votes());
            }
        }

        List<EntityMention> out = new ArrayList<>();
        for (Group g : known.values()) {
            out.add(new EntityMention(g.known.name(), g.known.type(), g.textMentions + g.headingMentions));
        }
        for (Group g : unknown.values()) {
            if (g.textMentions == 0) {
                continue;
            }
            EntityType type = typeOf(g);
            if (type != null) {
                out.add(new EntityMention(g.canonical(), type, g.textMentions + g.headingMentions));
            }
        }
        out.sort(Comparator.comparingInt(EntityMention::mentions).reversed()
                .thenComparing(EntityMention::name)
                .thenComparing(EntityMention::type));
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
        for (EntityType t : EntityType.values()) {
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
        if (g.words.size() == 1 && FIRST_NAMES.contains(g.words.get(0).toLowerCase(Locale.ROOT))) {
            return null; // a lone first name: someone, but who?
        }
        return EntityType.ORG;
    }

    /** "Charles Dyer" and "Charles A. Dyer": same first and last word, one person. */
    private static void mergeNameVariants(Map<String, Group> unknown) {
        Map<String, String> byEnds = new TreeMap<>();
        for (String key : List.copyOf(unknown.keySet())) {
            Group g = unknown.get(key);
            if (g.words.size() < 2) {
                continue;
            }
            String ends = Gazetteer.compactKey(g.words.get(0)) + " " + Gazetteer.compactKey(g.words.get(g.words.size() - 1));
            String into = byEnds.get(ends);
            if (into == null) {
                byEnds.put(ends, key);
                continue;
            }
            Group target = unknown.get(into);
            target.absorb(g);
            unknown.remove(key);
        }
    }

    /** A lone surname ("Leahy") joins the one person of the article with that last name. */
    private static void mergeSurnames(Map<String, Group> known, Map<String, Group> unknown) {
        for (String key : List.copyOf(unknown.keySet())) {
            Group g = unknown.get(key);
            if (g == null || g.words.size() != 1) {
                continue;
            }
            Group owner = surnameOwner(known, unknown, key);
            if (owner != null) {
                owner.absorb(g);
                unknown.remove(key);
            }
        }
    }

    private static Group surnameOwner(Map<String, Group> known, Map<String, Group> unknown, String surnameKey) {
        Group owner = null;
        List<Group> all = new ArrayList<>(known.values());
        all.addAll(unknown.values());
        for (Group other : all) {
            List<String> words = other.known != null ? knownWords(other) : other.words;
            if (words.size() < 2 || !other.personLike()) {
                continue;
            }
            if (Gazetteer.compactKey(words.get(words.size() - 1)).equals(surnameKey)) {
                if (owner != null && owner != other) {
                    return null; // two people share the surname: leave it alone
                }
                owner = other;
            }
        }
        return owner;
    }

    private static List<String> knownWords(Group g) {
        return List.of(g.known.name().split(" "));
    }

    /** Two groups that ended with the same canonical name (a form of a known name, say) become one. */
    private static List<EntityMention> dedupeNames(List<EntityMention> sorted) {
        Map<String, EntityMention> byName = new LinkedHashMap<>();
        for (EntityMention m : sorted) {
            byName.merge(m.name(), m, (a, b) -> new EntityMention(a.name(), a.type(), a.mentions() + b.mentions()));
        }
        List<EntityMention> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparingInt(EntityMention::mentions).reversed()
                .thenComparing(EntityMention::name)
                .thenComparing(EntityMention::type));
        return out;
    }

    private static Set<String> readFirstNames() {
        Set<String> names = new HashSet<>();
        try (InputStream in = EntityFinder.class.getResourceAsStream("/first-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("/first-names.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String name : line.split("[\\s,]+")) {
                    if (!name.isEmpty()) {
                        names.add(name.toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
