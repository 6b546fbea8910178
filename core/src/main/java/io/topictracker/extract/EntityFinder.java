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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
            "https", "ip", "isp", "id", "ddos", "ceos", "cybersecurity", "mbs", "ioer", "diy", "sat", "vga", "usb",
            "rss", "cgi", "hd", "lcd", "led", "gps", "sms", "mp3", "ufo", "ufos", "et", "pt", "pdt", "edt", "est",
            "gmt", "utc", "bbl", "mph", "ad", "bc", "bp", "dvd", "cd", "atm", "suv", "hiv", "aids", "dna", "rna",
            "bbq", "rsvp", "asap", "fyi", "lol", "omg", "wtf", "nb", "ps", "re", "fw", "fwd", "video", "watch",
            "pcs", "poll", "survey", "hispanic", "hispanics", "latino", "latinos", "latina", "arab", "arabs",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
            "tue", "tues", "wed", "thu", "thurs", "fri", "sun",
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
            "ceo", "cto", "cfo", "coo", "cio", "mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "dame",
            "president", "senator", "sen", "rep", "representative", "governor", "gov", "judge", "justice",
            "minister", "chancellor", "chairman", "chairwoman", "secretary", "mayor", "pope", "gen", "general",
            "colonel", "captain", "leader", "commissioner", "director", "spokesman", "spokeswoman",
            "spokesperson", "coach", "councillor", "councilman", "councilwoman", "farmer", "attorney", "writer",
            "analyst", "sheriff", "congressman", "congresswoman", "lt", "sgt", "detective",
            "editor", "reporter", "correspondent", "columnist", "founder", "cofounder", "co-founder",
            "commander", "admiral", "ambassador", "premier");

    /** {@link #TITLES} as articles write them: capitalised and upper-case. */
    private static final Set<String> TITLE_FORMS = titleForms();

    private static Set<String> titleForms() {
        Set<String> forms = new HashSet<>();
        for (String t : TITLES) {
            forms.add(Character.toUpperCase(t.charAt(0)) + t.substring(1));
            forms.add(t.toUpperCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(forms);
    }

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
            "provider", "vendor", "rival", "competitor", "subsidiary", "group", "consultancy", "university", "giant",
            "giants", "network", "newspaper", "broadcaster", "channel", "insurer", "lender", "airline", "charity");

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
            "biotech", "analytics", "workers", "administration", "service", "services", "chamber", "school",
            "academy", "infirmary", "hospital", "studies", "office", "bureau", "board", "police", "army", "navy",
            "corps", "guard", "fed", "observer", "times", "post", "journal", "tribune", "herald", "gazette",
            "conference", "league", "club", "church", "museum", "restaurant", "congress", "center", "centre",
            "commission", "department", "trust", "network", "channel", "magazine", "press", "news", "cargo",
            "contractors", "authority", "ai");

    /** First words of organisation names ("University of ..."). */
    private static final Set<String> ORG_PREFIXES = words("university", "bank", "department", "ministry", "institute",
            "center", "centre", "federal", "college");

    /** Last words of place names. */
    private static final Set<String> PLACE_SUFFIXES = words(
            "city", "county", "valley", "province", "island", "islands", "republic", "kingdom", "bay", "coast",
            "peninsula", "region", "district", "mountains", "river", "lake", "street", "road", "avenue", "place",
            "mountain", "monument", "cathedral", "sea", "gulf", "ocean", "keys", "square", "bridge", "canyon",
            "beach", "heights", "hills", "falls", "harbor", "harbour", "airport");

    /** Words inside organisation names only ("Center for Strategic and International Studies"). */
    private static final Set<String> EXTENDED_CONNECTORS = words("for", "and", "on");

    private static final Set<String> ARTICLES = words("a", "an", "the");

    /** First words of place names ("Camp Pendleton", "Fort Worth", "Lake Tahoe"). */
    private static final Set<String> PLACE_FIRST_WORDS = words("camp", "fort", "mount", "mt", "lake", "port", "cape",
            "isle", "st.", "san", "santa", "los", "las", "el", "new");

    /** US states and their AP abbreviations, after a comma ("Steele, Ala."). */
    private static final Set<String> PLACE_STATES = words("ala", "alabama", "ariz", "arizona", "calif", "california",
            "colo", "colorado", "conn", "fla", "florida", "ga", "georgia", "ill", "illinois", "kan", "kansas", "ky",
            "md", "mich", "michigan", "minn", "neb", "nebraska", "nev", "nevada", "okla", "oklahoma", "tenn", "tex",
            "texas", "wis", "ohio", "iowa", "utah", "n.y", "n.j", "va", "virginia", "wash", "ore", "pa", "mass");

    private static final Set<String> COMPASS = words("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "upper", "lower", "greater", "new", "old", "great");

    /** First words of place names followed by "of" ("Gulf of Mexico"). */
    private static final Set<String> PLACE_PREFIXES = words("gulf", "bay", "sea", "lake", "isle", "isles", "cape",
            "strait", "straits", "mount", "port", "city", "republic", "kingdom", "state");

    /** Legal forms after a company's name, which name the same company ("Apple Inc."). */
    private static final Set<String> LEGAL_FORMS = words("inc", "corp", "corporation", "ltd", "llc", "plc", "co", "gmbh",
            "ag", "sa", "nv", "bv", "ab", "as", "oy", "spa");

    /** Lower-case words allowed inside a name ("Bank of America", "Procter & Gamble"). */
    private static final Set<String> CONNECTORS = words("of", "de", "del", "van", "von", "der", "da", "&");

    /** Given names: the hand list and the generated English list (tools/gazetteer), case-folded. */
    private static final Set<String> FIRST_NAMES = readWords(true, "/first-names.txt", "/first-names-en.txt");

    /**
     * One-word company names that are not English words (generated, tools/gazetteer), as written: a
     * capitalised run that is one of them, or starts or ends with one, is an organisation.
     */
    private static final Set<String> COMPANY_WORDS = readWords(false, "/company-words.txt");

    /** A word set from a long hand-written list, where a repeat is harmless. */
    private static Set<String> words(String... words) {
        // A HashSet compares hashes before equals, which beats Set.of's probing for lookups of many words.
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(words)));
    }

    private final Gazetteer gazetteer;

    EntityFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** A capitalised run seen in the article, with the votes its context gave each type. */
    private record Candidate(String surface, List<String> words, boolean heading, int[] votes, String acronym) {}

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
        Stemmer stemmer = Stemmer.local();
        stemmer.beginArticle();
        for (TextLine line : lines) {
            for (Word w : line.words()) {
                if (w.lowerCase()) {
                    stemmer.markLowerCase(w);
                }
            }
        }
        return find(lines, stemmer);
    }

    /**
     * As {@link #find(List)}, given this thread's stemmer with the article's lower-case words marked
     * (the extractor marks them while tokenizing for themes): such words are ordinary words in this
     * article.
     */
    List<EntityMention> find(List<TextLine> lines, Stemmer lowerCase) {
        // A capital in mid-sentence is evidence of a name; a capital at a sentence start only with it.
        // And the last words of two- and three-word capitalised runs are surnames a weak place name may
        // share. One pass, looking only at words with a capital: most words of an article have none.
        Set<String> midSentenceCapitals = new HashSet<>();
        Set<String> surnames = new HashSet<>();
        for (TextLine line : lines) {
            List<Word> words = line.words();
            int n = words.size();
            boolean text = line.kind() == TextLine.Kind.TEXT;
            for (int i = 1; i < n; i++) {
                Word w = words.get(i);
                if (!w.anyUpper()) {
                    continue;
                }
                if (text && w.capitalised() && !line.sentenceStart(i)) {
                    midSentenceCapitals.add(w.text());
                }
                Word prev = words.get(i - 1);
                if (!w.breakBefore() && prev.anyUpper() && FIRST_NAMES.contains(fold(prev)) && nameLike(w) && nameLike(prev)
                        && (i + 1 == n || words.get(i + 1).breakBefore() || !nameLike(words.get(i + 1)))) {
                    surnames.add(w.text());
                }
            }
        }

        Map<String, Group> known = new TreeMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (TextLine line : lines) {
            if (line.kind() == TextLine.Kind.SHOUTING) {
                continue;
            }
            boolean heading = line.kind() == TextLine.Kind.HEADING;
            List<Word> words = line.words();
            boolean[] consumed = new boolean[words.size()];
            for (int i = 0; i < words.size(); ) {
                Word w = words.get(i);
                if (!w.anyUpper() && !gazetteer.startsLowerCaseForm(w)) {
                    i++; // most words of an article: no name starts like them
                    continue;
                }
                Gazetteer.Match m = gazetteer.longestAt(words, i);
                if (m == null || (m.weak() && !weakFormCounts(line, m))) {
                    i++;
                    continue;
                }
                int end = m.end();
                while (end < words.size() && !words.get(end).breakBefore() && LEGAL_FORMS.contains(fold(words.get(end)))) {
                    end++; // "Apple Inc." is Apple
                }
                int runEnd = containingRunEnd(line, m.start(), end);
                if (runEnd > 0) {
                    // "Boston University", "Oklahoma Supreme Court": a longer name that contains a known one.
                    i = runEnd;
                    continue;
                }
                if (m.weak() && m.end() - m.start() == 1 && surnames.contains(words.get(m.start()).text())) {
                    i++; // "Kent" after "Chris Kent" is the person, not the county
                    continue;
                }
                int productEnd = m.entity().type() == EntityType.PLACE || m.entity().type() == EntityType.PERSON
                        ? end : productRunEnd(line, end);
                if (productEnd > end) {
                    int[] votes = new int[EntityType.values().length];
                    votes[EntityType.PRODUCT.ordinal()] = 3;
                    List<String> texts = new ArrayList<>();
                    for (int k = m.start(); k < productEnd; k++) {
                        texts.add(words.get(k).text());
                        consumed[k] = true;
                    }
                    candidates.add(new Candidate(surface(line, m.start(), productEnd), List.copyOf(texts),
                            line.kind() != TextLine.Kind.TEXT, votes, null));
                    i = productEnd;
                    continue;
                }
                String name = m.entity().name();
                known.computeIfAbsent(name, n -> new Group(m.entity()))
                        .add(name, List.of(), heading, new int[EntityType.values().length]);
                for (int k = m.start(); k < end; k++) {
                    consumed[k] = true;
                }
                i = end;
            }
            collectRuns(line, consumed, lowerCase, midSentenceCapitals, candidates);
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
        byte cached = w.nameLike;
        if (cached == 0) {
            // Titles are looked up as written ("President", "CEO", "Dr"), which spares folding every name.
            boolean nameLike = (w.capitalised() || w.innerCapital()) && !TITLE_FORMS.contains(w.text());
            w.nameLike = cached = nameLike ? (byte) 1 : (byte) 2;
        }
        return cached == 1;
    }

    /** Name-like in its place: "General" is a title, but not in "Associated General Contractors". */
    private static boolean nameLikeAt(List<Word> words, int k) {
        Word w = words.get(k);
        if (nameLike(w)) {
            return true;
        }
        return w.capitalised() && w.folded().equals("general") && k > 0 && !words.get(k).breakBefore()
                && nameLike(words.get(k - 1));
    }

    /** "Rupert Murdoch's Fox": a possessive ends a name. */
    private static boolean possessive(TextLine line, int k) {
        Word w = line.words().get(k);
        int after = w.start() + w.text().length();
        return after < line.text().length() && Tokenizer.normalise(line.text().charAt(after)) == '\''
                && !w.text().endsWith("s");
    }

    private static String fold(Word w) {
        return w.folded();
    }

    /** Generic, also as a contraction: "I've", "We're". */
    private static boolean generic(String folded) {
        if (folded.indexOf('.') > 0) {
            folded = folded.replace(".", ""); // "A.I." is "ai"
        }
        int apostrophe = folded.indexOf('\'');
        return GENERIC.contains(apostrophe > 0 ? folded.substring(0, apostrophe) : folded);
    }

    /** No evidence of a name by itself: a generic word or capitalised tech vocabulary. */
    private static boolean uninformative(String folded) {
        return generic(folded) || VOCABULARY.contains(folded);
    }

    /**
     * The end of the longer name that words {@code [start, end)} sit inside ("Edinburgh" in "Edinburgh
     * Royal Infirmary", "Kansas City" in "Federal Reserve Bank of Kansas City", "Florida" in "Florida
     * Keys"), or -1 when they are not inside a longer capitalised run shaped like an organisation's or
     * a place's name.
     */
    private static int containingRunEnd(TextLine line, int start, int end) {
        List<Word> words = line.words();
        int s = start;
        while (true) {
            if (s > 0 && !words.get(s).breakBefore() && nameLikeAt(words, s - 1) && !possessive(line, s - 1)) {
                s--;
            } else if (s >= 2 && !words.get(s).breakBefore() && !words.get(s - 1).breakBefore()
                    && CONNECTORS.contains(fold(words.get(s - 1))) && nameLikeAt(words, s - 2)) {
                s -= 2; // "Bank of | Kansas City"
            } else {
                break;
            }
        }
        int e = runEnd(line, null, s, true);
        for (int k = end; k < e; k++) {
            if (fold(words.get(k)).equals("and") && !nameLike(words.get(k))) {
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
    private static boolean orgShaped(List<Word> words, int s, int e) {
        if (e - s < 2) {
            return false;
        }
        String last = fold(words.get(e - 1));
        if (ORG_SUFFIXES.contains(last) && !LEGAL_FORMS.contains(last)) {
            return true;
        }
        int hyphen = last.lastIndexOf('-');
        if (hyphen > 0 && ORG_SUFFIXES.contains(last.substring(0, hyphen))) {
            return true; // "Pittsburgh Tribune-Review"
        }
        for (int k = s; k < e - 2; k++) {
            String w = fold(words.get(k));
            String next = fold(words.get(k + 1));
            if ((ORG_SUFFIXES.contains(w) || ORG_PREFIXES.contains(w)) && (next.equals("of") || next.equals("for"))) {
                return true;
            }
        }
        return false;
    }

    /** Shaped like a place's name: "Florida Keys", "Gulf of Mexico", "Washington Monument". */
    private static boolean placeShaped(List<Word> words, int s, int e) {
        if (e - s < 2) {
            return false;
        }
        return PLACE_SUFFIXES.contains(fold(words.get(e - 1)))
                || (PLACE_PREFIXES.contains(fold(words.get(s))) && fold(words.get(s + 1)).equals("of"));
    }

    /**
     * The end of the capitalised run starting at {@code i}: name-like words, joined by connectors
     * ("Bank of America") and, when {@code extended}, by "for", "and" and an article as organisation
     * names are ("Center for a New American Security"). A possessive ends it; so do words already
     * taken ({@code consumed}).
     */
    private static int runEnd(TextLine line, boolean[] consumed, int i, boolean extended) {
        List<Word> words = line.words();
        int n = words.size();
        int end = i + 1;
        while (end < n && !possessive(line, end - 1)) {
            Word next = words.get(end);
            if (next.breakBefore()) {
                break;
            }
            if ((consumed == null || !consumed[end]) && nameLikeAt(words, end)) {
                end++;
                continue;
            }
            // Connectors are short: most words after a run are not worth copying out of the line.
            String f = next.length() <= 3 ? fold(next) : "";
            int k = end;
            if (CONNECTORS.contains(f) || (extended && EXTENDED_CONNECTORS.contains(f))) {
                k++;
                if (extended && k < n && !words.get(k).breakBefore() && ARTICLES.contains(fold(words.get(k)))
                        && (f.equals("for") || f.equals("of") || f.equals("on"))) {
                    k++;
                }
            }
            if (k > end && k < n && !words.get(k).breakBefore() && (consumed == null || !consumed[k])
                    && nameLikeAt(words, k)) {
                end = k + 1;
            } else {
                break;
            }
        }
        return end;
    }

    /** "Chief Information Officer for Verizon": a role, not an organisation, before the connector. */
    private static boolean roleBeforeConnector(List<Word> words, int s, int e) {
        for (int k = s; k < e; k++) {
            String f = fold(words.get(k));
            if (EXTENDED_CONNECTORS.contains(f) && !nameLike(words.get(k))) {
                return false;
            }
            if (ROLES.contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code [s, e)} uses a word that only organisation names use as a connector ("for", "and"). */
    private static boolean usesExtendedConnector(List<Word> words, int s, int e) {
        for (int k = s; k < e; k++) {
            String f = fold(words.get(k));
            if ((EXTENDED_CONNECTORS.contains(f) || ARTICLES.contains(f)) && !nameLike(words.get(k))) {
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
        List<Word> words = line.words();
        int k = end;
        while (k < words.size() && !words.get(k).breakBefore() && !possessive(line, k - 1) && nameLike(words.get(k))) {
            Word w = words.get(k);
            String f = fold(w);
            boolean productWord = PRODUCT_WORDS.contains(f);
            if ((!productWord && (generic(f) || VOCABULARY.contains(f))) || ORG_SUFFIXES.contains(f)
                    || LEGAL_FORMS.contains(f) || f.contains("-based") || TITLES.contains(f)) {
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

    /** Generic words that still name products after a brand ("Apple TV", "Amazon Instant Video"). */
    private static final Set<String> PRODUCT_WORDS = words("tv", "video", "music", "live", "store", "play", "pay",
            "drive", "maps", "mail", "photos", "cloud", "search", "one", "pro", "max", "mini", "air", "hd", "plus",
            "ultra", "lite", "go", "x", "xl");

    /** Maximal runs of capitalised words not already taken by the gazetteer, trimmed and typed. */
    private void collectRuns(TextLine line, boolean[] consumed, Stemmer lowerCase, Set<String> midSentenceCapitals,
            List<Candidate> out) {
        List<Word> words = line.words();
        int n = words.size();
        int i = 0;
        while (i < n) {
            if (consumed[i] || !nameLikeAt(words, i)) {
                i++;
                continue;
            }
            int end = runEnd(line, consumed, i, true);
            if (end - i >= 3 && usesExtendedConnector(words, i, end)
                    && (!orgShaped(words, i, end) || roleBeforeConnector(words, i, end))) {
                end = runEnd(line, consumed, i, false); // "Russia and China" are two names
            }
            Candidate c = candidate(line, i, end, lowerCase, midSentenceCapitals);
            if (c != null) {
                out.add(c);
            }
            // "(NOAA)" right after the name it abbreviates is part of that mention, not another one.
            i = c != null && c.acronym() != null && end < n && words.get(end).textEquals(c.acronym()) ? end + 1 : end;
        }
    }

    private Candidate candidate(TextLine line, int start, int end, Stemmer lowerCase, Set<String> midSentenceCapitals) {
        List<Word> words = line.words();
        int s = start;
        int e = end;
        boolean heading = line.kind() != TextLine.Kind.TEXT;
        while (s < e && (generic(fold(words.get(s))) || CONNECTORS.contains(fold(words.get(s))))) {
            s++;
        }
        while (e > s && (generic(fold(words.get(e - 1))) || CONNECTORS.contains(fold(words.get(e - 1))))) {
            if (e - 2 >= s && fold(words.get(e - 1)).equals("ai") && !uninformative(fold(words.get(e - 2)))) {
                break; // "Quillon AI": the suffix of a company's name, not the generic word
            }
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
            boolean keep = (e - s >= 2 && (ORG_PREFIXES.contains(first) || (!CONNECTORS.contains(fold(words.get(s + 1)))
                    && (FIRST_NAMES.contains(first) || strongCue(votes(line, s, e))))))
                    || (e - s == 1 && COMPANY_WORDS.contains(words.get(s).text()));
            if (!keep) {
                s++;
                while (s < e && CONNECTORS.contains(fold(words.get(s)))) {
                    s++; // "Users of Quibble" at a sentence start leaves "Quibble", not "of Quibble"
                }
            }
        }
        if (e - s == 1 && demonym(words.get(s).text())) {
            return null; // "Liberian", "Iranians"
        }
        if (e - s >= 3 && VOCABULARY.contains(fold(words.get(s))) && FIRST_NAMES.contains(fold(words.get(s + 1)))) {
            s++; // "Secretary of State Hillary Rodham Clinton"
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
            if (w.innerCapital() || !lowerCase.writtenLowerCase(w)) {
                informative = true;
            }
        }
        if (!informative) {
            return null;
        }
        int[] votes = heading ? new int[EntityType.values().length] : votes(line, s, e);
        String acronym = definedAcronym(line, s, e);
        if (size >= 2 && LEGAL_FORMS.contains(fold(words.get(e - 1)))) {
            e--; // "Brightwave Inc" and "Brightwave Corp" are Brightwave, typed by the legal form
        }
        List<String> texts = new ArrayList<>(e - s);
        for (int k = s; k < e; k++) {
            texts.add(words.get(k).text());
        }
        return new Candidate(surface(line, s, e), List.copyOf(texts), heading, votes, acronym);
    }

    /** "National Oceanic and Atmospheric Administration (NOAA)": the acronym in brackets, or null. */
    private static String definedAcronym(TextLine line, int s, int e) {
        List<Word> words = line.words();
        if (e - s < 2 || e >= words.size() || !words.get(e).allCaps() || !line.gapIs(e, '(')) {
            return null;
        }
        Word acronym = words.get(e);
        int after = acronym.start() + acronym.text().length();
        if (after >= line.text().length() || line.text().charAt(after) != ')') {
            return null;
        }
        // The acronym's first letter is the name's first letter: "(AP)" after "Steve Jobs" is no acronym.
        return Character.toUpperCase(words.get(s).text().charAt(0)) == acronym.text().charAt(0) ? acronym.text() : null;
    }

    /** "EMarketer", "TiVo": a capital after the first letter that no surname prefix explains. */
    private static boolean innerCapitals(String w) {
        for (int i = 1; i < w.length(); i++) {
            if (Character.isUpperCase(w.charAt(i))) {
                String prefix = w.substring(0, i);
                return !(prefix.equals("Mc") || prefix.equals("Mac") || prefix.equals("O'") || prefix.equals("De")
                        || prefix.equals("Di") || prefix.equals("La") || prefix.equals("Le") || prefix.equals("Van"));
            }
        }
        return false;
    }

    private static boolean anyAllCaps(List<Word> words, int s, int e) {
        for (int k = s; k < e; k++) {
            if (words.get(k).allCaps() || !words.get(k).hasLetter()) {
                return true;
            }
        }
        return false;
    }

    /** "Liberian(s)", "Iranian(s)", "Texan": a known place's people. */
    private boolean demonym(String word) {
        String w = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        if (w.length() < 4 || !w.endsWith("n")) {
            return false;
        }
        for (String place : new String[] {w.substring(0, w.length() - 1), w.substring(0, w.length() - 2),
            w.substring(0, w.length() - 3), w.substring(0, w.length() - 3) + "a"}) {
            Gazetteer.Entity e = gazetteer.byCompactKey(Gazetteer.compactKey(place));
            if (e != null && e.type() == EntityType.PLACE) {
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
    private int[] votes(TextLine line, int s, int e) {
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

        if (prev != null && TITLES.contains(prevText) && (prevAdjacent || line.gapIs(s, '.'))) {
            votes[EntityType.PERSON.ordinal()] += 3;
        }
        // Acronyms and brand spellings ("EMarketer says") are organisations, not people.
        boolean notAPerson = size == 1 && (words.get(s).allCaps() || brandLike(words, s, e) || innerCapitals(words.get(s).text()));
        if (size <= 3 && nextAdjacent && SPEECH.contains(nextText)) {
            // "The United Auto Workers said": people are not "the".
            votes[(prevText.equals("the") || notAPerson ? EntityType.ORG : EntityType.PERSON).ordinal()] += 2;
        }
        if (size <= 3 && prevAdjacent && !notAPerson && !prevText.equals("told") && !prevText.equals("asked")
                && (SPEECH.contains(prevText) || prevText.equals("named")
                || (prevText.equals("out") && s >= 2 && fold(words.get(s - 2)).equals("pointed")))) {
            votes[EntityType.PERSON.ordinal()] += 2;
        }
        if (size == 1 && words.get(s).allCaps() && prevAdjacent && prevText.equals("the")) {
            votes[EntityType.ORG.ordinal()] += 2; // "the IAEA", "the NCAA"
        }
        String text = words.get(s).text();
        if (size == 1 && text.length() > 2 && text.charAt(0) == 'i' && Character.isUpperCase(text.charAt(1))) {
            votes[EntityType.PRODUCT.ordinal()] += 2; // "iMac", "iTunes"
        }
        if (size <= 3 && appositiveRole(line, e)) {
            votes[EntityType.PERSON.ordinal()] += 2;
        }
        boolean companyWord = COMPANY_WORDS.contains(words.get(s).text()) || COMPANY_WORDS.contains(words.get(e - 1).text());
        if (size >= 2 && size <= 3 && FIRST_NAMES.contains(first) && !ORG_SUFFIXES.contains(last) && !anyAllCaps(words, s, e)
                && !PLACE_SUFFIXES.contains(last) && !companyWord && !LEGAL_FORMS.contains(last)
                && !COMPASS.contains(first) && gazetteer.byCompactKey(Gazetteer.compactKey(words.get(s).text())) == null) {
            // "Gene Munster": a given name and one or two more capitalised words is a person's name.
            votes[EntityType.PERSON.ordinal()] += 2;
        }
        if (companyWord) {
            // "SanDisk Connect": a company's word and a name that is no company word is a product.
            boolean product = size >= 2 && COMPANY_WORDS.contains(words.get(s).text()) && !ORG_SUFFIXES.contains(last)
                    && !LEGAL_FORMS.contains(last);
            votes[(product ? EntityType.PRODUCT : EntityType.ORG).ordinal()] += size == 1 ? 3 : 2;
        }
        if (platformAfter(line, e)) {
            votes[EntityType.PRODUCT.ordinal()] += 3; // "Evernote (Android, iOS, Win, Mac)", "Algeo for Android"
        }
        if (nextAdjacent && TITLES.contains(nextText)) {
            // "Navy Secretary Ray Mabus", "Dallas Fed President Fisher": the office before the title.
            votes[EntityType.ORG.ordinal()] += 1;
        }
        if (orgShaped(words, s, e) || (size >= 3 && ORG_PREFIXES.contains(first)) || (size >= 2 && LEGAL_FORMS.contains(last))) {
            votes[EntityType.ORG.ordinal()] += 3;
        } else if (placeShaped(words, s, e) || (size >= 2 && PLACE_FIRST_WORDS.contains(first))) {
            votes[EntityType.PLACE.ordinal()] += 2; // "Gulf of Mexico", "Camp Pendleton"
        }
        if (prev != null && !prevAdjacent && line.gapIs(s, ',') && size <= 3
                && (ROLES.contains(prevText) || TITLES.contains(prevText))) {
            votes[EntityType.PERSON.ordinal()] += 2; // "Liberia's information minister, Lewis Brown, said"
        }
        if (size == 1 && e + 1 < words.size() && line.gapIs(e, ',') && PLACE_STATES.contains(nextText)) {
            votes[EntityType.PLACE.ordinal()] += 2; // "Steele, Ala."
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
        if (prevAdjacent && prevText.equals("at") && size <= 3 && !words.get(s).allCaps() && !brandLike(words, s, e)
                && !orgShaped(words, s, e)) {
            votes[EntityType.PLACE.ordinal()] += 1; // "landed at Inchon"
        }
        if (size <= 3 && e + 1 < words.size() && line.gapIs(e, ',')
                && isNumber(words.get(e).text()) && line.gapIs(e + 1, ',')) {
            votes[EntityType.PERSON.ordinal()] += 2; // "Curie, 21, a Korean exchange student"
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

    /** Operating systems and devices that apps are listed for. */
    private static final Set<String> PLATFORMS = words("ios", "android", "windows", "win", "mac", "macos", "osx", "linux",
            "iphone", "ipad", "chrome", "web", "blackberry", "xbox", "playstation", "ps4", "switch", "kindle");

    /** After the run, "(" or "for" and, within four words, a platform: "Simplenote (iOS only)". */
    private static boolean platformAfter(TextLine line, int e) {
        List<Word> words = line.words();
        int k = e;
        if (k < words.size() && isNumber(words.get(k).text()) && !words.get(k).breakBefore()) {
            k++; // "SwiftKey 3 (Android)"
        }
        if (k >= words.size()) {
            return false;
        }
        boolean opens = line.gapBefore(k).contains("(") || (fold(words.get(k)).equals("for") && !words.get(k).breakBefore()
                && k + 1 < words.size() && PLATFORMS.contains(fold(words.get(k + 1))));
        if (!opens) {
            return false;
        }
        for (int j = k; j < Math.min(words.size(), k + 4); j++) {
            if (j > k && line.gapBefore(j).contains(")")) {
                return false;
            }
            if (PLATFORMS.contains(fold(words.get(j)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return !s.isEmpty() && s.length() <= 3;
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
        if (e >= words.size() || !line.gapIs(e, ',')) {
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
                    ? known.computeIfAbsent(e.name(), n -> new Group(e))
                    : unknown.computeIfAbsent(key, k -> new Group(null));
            group.add(c.surface(), c.words(), false, c.votes());
        }
        mergePlurals(unknown);
        mergeAcronyms(known, unknown, candidates);
        mergeNameVariants(unknown);
        mergeSurnames(known, unknown);
        mergeLegalForms(known, unknown);
        mergePartialNames(known, unknown);

        // Headings capitalise everything, so they add mentions only to names the text established.
        Map<String, Group> surnameOwners = headingCandidates.isEmpty() ? Map.of() : surnameOwners(known, unknown);
        for (Candidate c : headingCandidates) {
            String key = Gazetteer.compactKey(c.surface());
            Gazetteer.Entity entity = gazetteer.byCompactKey(key);
            Group group = entity != null ? known.get(entity.name()) : unknown.get(key);
            if (group == null && c.words().size() == 1) {
                group = surnameOwners.get(key) == AMBIGUOUS ? null : surnameOwners.get(key);
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
        // Two or three plain capitalised words ("Maurkice Pouncey") are most often a person whose given
        // name is not on the list; other repeated names most often an organisation.
        return g.words.size() >= 2 && g.words.size() <= 3 && plainWords(g.words) ? EntityType.PERSON : EntityType.ORG;
    }

    /** "iPods" after "iPod": one product. */
    private static void mergePlurals(Map<String, Group> unknown) {
        for (String key : List.copyOf(unknown.keySet())) {
            Group singular = key.endsWith("s") ? unknown.get(key.substring(0, key.length() - 1)) : null;
            if (singular != null && unknown.get(key).words.size() == 1) {
                singular.absorb(unknown.remove(key));
            }
        }
    }

    /** "University of Georgia (UGA)": later mentions of UGA are the university. */
    private void mergeAcronyms(Map<String, Group> known, Map<String, Group> unknown, List<Candidate> candidates) {
        for (Candidate c : candidates) {
            if (c.acronym() == null || c.heading()) {
                continue;
            }
            String longKey = Gazetteer.compactKey(c.surface());
            Gazetteer.Entity entity = gazetteer.byCompactKey(longKey);
            Group target = entity != null ? known.get(entity.name()) : unknown.get(longKey);
            Group acronym = unknown.get(Gazetteer.compactKey(c.acronym()));
            if (target != null && acronym != null && target != acronym) {
                target.absorb(acronym);
                unknown.remove(Gazetteer.compactKey(c.acronym()));
            }
        }
    }

    /** "Verizon Communications" after "Verizon", "Genentech Inc.": a known company plus a company word. */
    private void mergeLegalForms(Map<String, Group> known, Map<String, Group> unknown) {
        for (String key : List.copyOf(unknown.keySet())) {
            Group g = unknown.get(key);
            if (g.words.size() < 2) {
                continue;
            }
            Gazetteer.Entity first = gazetteer.byCompactKey(Gazetteer.compactKey(g.words.get(0)));
            if (first == null || first.type() != EntityType.ORG) {
                continue;
            }
            boolean rest = true;
            for (int k = 1; k < g.words.size(); k++) {
                String w = g.words.get(k).toLowerCase(Locale.ROOT).replace(".", "");
                rest &= ORG_SUFFIXES.contains(w) || LEGAL_FORMS.contains(w);
            }
            if (rest) {
                known.computeIfAbsent(first.name(), n -> new Group(first)).absorb(g);
                unknown.remove(key);
            }
        }
    }

    /**
     * A shorter name that starts or ends exactly one longer name of the article that is not a person's
     * ("Corps" after "Marine Corps", "Security Council" after "U.N. Security Council"), or that is its
     * initials ("FOMC" for "Federal Open Market Committee"): the same organisation or place, named short.
     */
    private static void mergePartialNames(Map<String, Group> known, Map<String, Group> unknown) {
        // Candidate owners and their word keys, worked out once: names that are not a person's.
        List<Group> owners = new ArrayList<>();
        Map<Group, List<String>> keysOf = new IdentityHashMap<>();
        Map<Group, String> initialsOf = new IdentityHashMap<>();
        for (Map<String, Group> groups : List.of(known, unknown)) {
            for (Group other : groups.values()) {
                List<String> words = other.known != null ? knownWords(other) : other.words;
                if (words.size() >= 2 && !other.personLike()
                        && (other.known == null || other.known.type() != EntityType.PERSON)) {
                    owners.add(other);
                    keysOf.put(other, keys(words));
                    initialsOf.put(other, initials(words));
                }
            }
        }
        if (owners.isEmpty()) {
            return;
        }
        Set<Group> absorbed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String key : List.copyOf(unknown.keySet())) {
            Group g = unknown.get(key);
            if (g == null || g.personLike() || g.words.size() > 3) {
                continue;
            }
            List<String> part = keys(g.words);
            boolean acronym = g.words.size() == 1 && g.words.get(0).equals(g.words.get(0).toUpperCase(Locale.ROOT))
                    && g.words.get(0).length() >= 2;
            Group owner = null;
            boolean ambiguous = false;
            for (Group other : owners) {
                List<String> whole = keysOf.get(other);
                if (other == g || absorbed.contains(other) || whole.size() <= part.size()) {
                    continue;
                }
                boolean head = whole.subList(0, part.size()).equals(part)
                        || (part.size() == 1 && isPlural(part.get(0), whole.get(0))) // "Marines", "Marine Corps"
                        // the last word is the head of "Marine Corps", not of "Association of Alabama"
                        || (whole.subList(whole.size() - part.size(), whole.size()).equals(part) && !whole.contains("of"));
                boolean initials = acronym && initialsOf.get(other).equals(key);
                if ((head && compatible(g, other)) || initials) {
                    ambiguous |= owner != null && owner != other;
                    owner = other;
                }
            }
            if (owner != null && !ambiguous) {
                owner.absorb(g);
                unknown.remove(key);
                absorbed.add(g);
            }
        }
    }

    /** "marines" of "marine", without building the plural. */
    private static boolean isPlural(String plural, String singular) {
        return plural.length() == singular.length() + 1 && plural.endsWith("s") && plural.startsWith(singular);
    }

    private static List<String> keys(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(Gazetteer.compactKey(w));
        }
        return out;
    }

    /** "Federal Open Market Committee" → "fomc"; connectors are skipped. */
    private static String initials(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            String f = w.toLowerCase(Locale.ROOT);
            if (!CONNECTORS.contains(f) && !EXTENDED_CONNECTORS.contains(f) && !ARTICLES.contains(f) && !f.isEmpty()) {
                sb.append(Character.toLowerCase(w.charAt(0)));
            }
        }
        return sb.toString();
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
        Map<String, Group> owners = surnameOwners(known, unknown);
        for (String key : List.copyOf(unknown.keySet())) {
            Group g = unknown.get(key);
            if (g == null || g.words.size() != 1) {
                continue;
            }
            Group owner = owners.get(key);
            if (owner != null && owner != AMBIGUOUS && owner != g) {
                owner.absorb(g);
                unknown.remove(key);
            }
        }
    }

    /** Stands for a surname that two people of the article share. */
    private static final Group AMBIGUOUS = new Group(null);

    /** Surname key → the one person of the article with that last name, or {@link #AMBIGUOUS}. */
    private static Map<String, Group> surnameOwners(Map<String, Group> known, Map<String, Group> unknown) {
        Map<String, Group> owners = new HashMap<>();
        for (Map<String, Group> groups : List.of(known, unknown)) {
            for (Group other : groups.values()) {
                List<String> words = other.known != null ? knownWords(other) : other.words;
                if (words.size() < 2 || !other.personLike()) {
                    continue;
                }
                owners.merge(Gazetteer.compactKey(words.get(words.size() - 1)), other, (a, b) -> a == b ? a : AMBIGUOUS);
            }
        }
        return owners;
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

    /** The words of word-list resources, one or more a line, {@code #} comments skipped. */
    private static Set<String> readWords(boolean fold, String... resources) {
        Set<String> names = new HashSet<>();
        for (String resource : resources) {
            readWords(resource, fold, names);
        }
        return Collections.unmodifiableSet(names);
    }

    private static void readWords(String resource, boolean fold, Set<String> names) {
        try (InputStream in = EntityFinder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                for (String name : line.split("[\\s,]+")) {
                    if (!name.isEmpty()) {
                        names.add(fold ? name.toLowerCase(Locale.ROOT) : name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
