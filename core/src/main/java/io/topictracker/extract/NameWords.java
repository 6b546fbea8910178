package io.topictracker.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists {@link EntityFinder} reads context from: generic words, titles, roles, speech verbs,
 * the first and last words of organisation and place names, given names, company words. Each word
 * form's memberships are worked out once, as the bits of {@link Lexeme#cues}, so the finder asks
 * {@code word.is(TITLES)} instead of folding the word and hashing it into a set each time.
 *
 * <p>Lists are looked up by the case-folded form, except {@link #TITLE_FORMS} and
 * {@link #COMPANY_WORDS}, which are looked up as written.
 */
final class NameWords {

    private NameWords() {}

    // One bit per list (the list's javadoc below says what is on it).
    static final int GENERIC = 1 << 0;
    static final int VOCABULARY = 1 << 1;
    static final int TITLES = 1 << 2;
    static final int TITLE_FORMS = 1 << 3;
    static final int SPEECH = 1 << 4;
    static final int ROLES = 1 << 5;
    static final int DETERMINERS = 1 << 6;
    static final int ORG_NOUNS = 1 << 7;
    static final int PRODUCT_NOUNS = 1 << 8;
    static final int PRODUCT_NEXT = 1 << 9;
    static final int ORG_SUFFIXES = 1 << 10;
    static final int ORG_PREFIXES = 1 << 11;
    static final int PLACE_SUFFIXES = 1 << 12;
    static final int EXTENDED_CONNECTORS = 1 << 13;
    static final int ARTICLES = 1 << 14;
    static final int PLACE_FIRST_WORDS = 1 << 15;
    static final int PLACE_STATES = 1 << 16;
    static final int COMPASS = 1 << 17;
    static final int PLACE_PREFIXES = 1 << 18;
    static final int LEGAL_FORMS = 1 << 19;
    static final int CONNECTORS = 1 << 20;
    static final int FIRST_NAMES = 1 << 21;
    static final int COMPANY_WORDS = 1 << 22;
    static final int PRODUCT_WORDS = 1 << 23;
    static final int PLATFORMS = 1 << 24;
    /** Words a title-case heading leaves lower-case ({@link TextLine} tells headings from text by them). */
    static final int TITLE_CASE_SMALL = 1 << 25;
    /** Titles and abbreviations whose dot ends no sentence ("Dr.", "Inc."). */
    static final int NON_TERMINAL = 1 << 26;

    // Bits derived from the lists, above the lists' own.
    /** {@link #GENERIC} or {@link #VOCABULARY}: no evidence of a name by itself. */
    static final int UNINFORMATIVE = 1 << 27;
    /** A hyphenated word whose part before the last hyphen is an {@link #ORG_SUFFIXES} word: "Tribune-Review". */
    static final int HYPHENATED_ORG_SUFFIX = 1 << 28;

    /** The words that have an id below, at their ids (0: none of them). */
    private static final List<String> ID_WORDS = new ArrayList<>(List.of(""));

    /**
     * Single words the entity rules look for by name ("the IAEA", "based in"), each an id that a
     * lexeme keeps ({@link #wordId}): a rule compares two ints instead of two strings, and these
     * rules run for every capitalised run.
     */
    static final int THE = id("the");
    static final int OF = id("of");
    static final int FOR = id("for");
    static final int ON = id("on");
    static final int AND = id("and");
    static final int IN = id("in");
    static final int AT = id("at");
    static final int AI = id("ai");
    static final int OUT = id("out");
    static final int TOLD = id("told");
    static final int ASKED = id("asked");
    static final int NAMED = id("named");
    static final int POINTED = id("pointed");
    static final int BASED = id("based");
    static final int HEADQUARTERED = id("headquartered");
    static final int BORN = id("born");
    static final int GENERAL = id("general");

    private static int id(String word) {
        ID_WORDS.add(word);
        return ID_WORDS.size() - 1;
    }

    /** The id of a folded word form among {@link #THE} and the rest, or 0. */
    static int wordId(String folded) {
        return Math.max(0, ID_WORDS.indexOf(folded));
    }

    /** The bits of the lists a word form is on: {@code text} as written, {@code folded} case-folded. */
    static int cuesOf(String text, String folded) {
        int cues = 0;
        for (int bit = 0; bit < LISTS.size(); bit++) {
            int cue = 1 << bit;
            boolean on = cue == GENERIC ? generic(folded)
                    : LISTS.get(bit).contains(cue == TITLE_FORMS || cue == COMPANY_WORDS ? text : folded);
            if (on) {
                cues |= cue;
            }
        }
        if ((cues & (GENERIC | VOCABULARY)) != 0) {
            cues |= UNINFORMATIVE;
        }
        int hyphen = folded.lastIndexOf('-');
        if (hyphen > 0 && ORG_SUFFIXES_LIST.contains(folded.substring(0, hyphen))) {
            cues |= HYPHENATED_ORG_SUFFIX;
        }
        return cues;
    }

    /**
     * Whether {@code word} (folded, or as written for {@link #TITLE_FORMS} and {@link #COMPANY_WORDS})
     * is on the one list {@code cue}: for strings that are not a word of the text ("Tribune" of
     * "Tribune-Review", the words of a merged name).
     */
    static boolean on(int cue, String word) {
        return cue == GENERIC ? generic(word) : LISTS.get(Integer.numberOfTrailingZeros(cue)).contains(word);
    }

    /** The length of the longest word on the one list {@code cue} (not {@link #GENERIC}). */
    static int longest(int cue) {
        return LISTS.get(Integer.numberOfTrailingZeros(cue)).stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * Words that are capitalised for reasons other than being a name: function and discourse words,
     * calendar words, generic acronyms, nationalities. Trimmed from the edges of a capitalised run
     * ("The", "However"), and a run made only of these and {@link #VOCABULARY} is not a name.
     */
    private static final Set<String> GENERIC_LIST = words(
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
     * no name on its own, but unlike {@link #GENERIC_LIST} words kept inside a name ("Computer &
     * Communications Industry Association", "Cloud Native Computing Foundation").
     */
    private static final Set<String> VOCABULARY_LIST = words(
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
    private static final Set<String> TITLES_LIST = words(
            "ceo", "cto", "cfo", "coo", "cio", "mr", "mrs", "ms", "mx", "dr", "prof", "professor", "sir", "dame",
            "president", "senator", "sen", "rep", "representative", "governor", "gov", "judge", "justice",
            "minister", "chancellor", "chairman", "chairwoman", "secretary", "mayor", "pope", "gen", "general",
            "colonel", "captain", "leader", "commissioner", "director", "spokesman", "spokeswoman",
            "spokesperson", "coach", "councillor", "councilman", "councilwoman", "farmer", "attorney", "writer",
            "analyst", "sheriff", "congressman", "congresswoman", "lt", "sgt", "detective",
            "editor", "reporter", "correspondent", "columnist", "founder", "cofounder", "co-founder",
            "commander", "admiral", "ambassador", "premier");

    /** {@link #TITLES_LIST} as articles write them: capitalised and upper-case. */
    private static final Set<String> TITLE_FORMS_LIST = titleForms();

    private static Set<String> titleForms() {
        Set<String> forms = new HashSet<>();
        for (String t : TITLES_LIST) {
            forms.add(Character.toUpperCase(t.charAt(0)) + t.substring(1));
            forms.add(t.toUpperCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(forms);
    }

    /** Verbs that attribute speech, the commonest sign of a person in news. */
    private static final Set<String> SPEECH_LIST = words(
            "said", "says", "told", "added", "adds", "explained", "explains", "wrote", "writes", "argued",
            "argues", "noted", "notes", "stated", "tweeted", "believes", "thinks", "warned", "warns", "asked",
            "suggested", "suggests", "claimed", "insisted", "recalled", "acknowledged", "admitted",
            "concluded", "predicted", "predicts", "cautioned", "emphasized", "emphasised", "stressed",
            "observed", "remarked", "replied", "commented", "agreed", "contends", "contended");

    /** Roles in an appositive after a name ("Kush Varshney, an AI researcher at IBM"). */
    private static final Set<String> ROLES_LIST = words(
            "ceo", "cto", "cfo", "coo", "cio", "ciso", "founder", "co-founder", "cofounder", "president",
            "chairman", "chairwoman", "chair", "director", "head", "chief", "professor", "researcher",
            "scientist", "engineer", "analyst", "economist", "manager", "spokesperson", "spokesman",
            "spokeswoman", "executive", "officer", "investor", "lawyer", "attorney", "senator",
            "representative", "minister", "secretary", "commissioner", "official", "expert", "author",
            "journalist", "reporter", "editor", "entrepreneur", "advisor", "adviser", "consultant", "fellow",
            "lecturer", "student", "activist", "whistleblower", "vp", "ambassador", "governor", "mayor", "judge",
            "programmer", "technologist", "founding", "cofounders");

    private static final Set<String> DETERMINERS_LIST = words("a", "an", "the", "its", "their", "his", "her", "our");

    /** Nouns that introduce an organisation's name ("AI company Graviti"). */
    private static final Set<String> ORG_NOUNS_LIST = words(
            "company", "startup", "start-up", "firm", "corporation", "conglomerate", "chipmaker", "automaker",
            "carmaker", "retailer", "lab", "laboratory", "publisher", "outlet", "nonprofit", "non-profit",
            "organization", "organisation", "agency", "regulator", "watchdog", "bank", "insurer", "studio",
            "provider", "vendor", "rival", "competitor", "subsidiary", "group", "consultancy", "university", "giant",
            "giants", "network", "newspaper", "broadcaster", "channel", "insurer", "lender", "airline", "charity");

    /** Nouns that introduce a product's name ("the chatbot Bard"). */
    private static final Set<String> PRODUCT_NOUNS_LIST = words(
            "app", "chatbot", "browser", "framework", "library", "smartphone", "phone", "software", "tool",
            "assistant", "game", "console", "headset", "language", "codebase", "codebases");

    /** Nouns that follow a product's name ("its Digit robot", "the Pixel phone"). */
    private static final Set<String> PRODUCT_NEXT_LIST = words(
            "robot", "robots", "app", "chatbot", "chip", "chips", "phone", "phones", "smartphone", "headset",
            "laptop", "tablet", "browser", "assistant", "device", "console", "processor", "model", "models",
            "drone", "software", "plugin", "extension");

    /** Last words of organisation names. */
    private static final Set<String> ORG_SUFFIXES_LIST = words(
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
    private static final Set<String> ORG_PREFIXES_LIST = words("university", "bank", "department", "ministry", "institute",
            "center", "centre", "federal", "college");

    /** Last words of place names. */
    private static final Set<String> PLACE_SUFFIXES_LIST = words(
            "city", "county", "valley", "province", "island", "islands", "republic", "kingdom", "bay", "coast",
            "peninsula", "region", "district", "mountains", "river", "lake", "street", "road", "avenue", "place",
            "mountain", "monument", "cathedral", "sea", "gulf", "ocean", "keys", "square", "bridge", "canyon",
            "beach", "heights", "hills", "falls", "harbor", "harbour", "airport");

    /** Words inside organisation names only ("Center for Strategic and International Studies"). */
    private static final Set<String> EXTENDED_CONNECTORS_LIST = words("for", "and", "on");

    private static final Set<String> ARTICLES_LIST = words("a", "an", "the");

    /** First words of place names ("Camp Pendleton", "Fort Worth", "Lake Tahoe"). */
    private static final Set<String> PLACE_FIRST_WORDS_LIST = words("camp", "fort", "mount", "mt", "lake", "port", "cape",
            "isle", "st.", "san", "santa", "los", "las", "el", "new");

    /** US states and their AP abbreviations, after a comma ("Steele, Ala."). */
    private static final Set<String> PLACE_STATES_LIST = words("ala", "alabama", "ariz", "arizona", "calif", "california",
            "colo", "colorado", "conn", "fla", "florida", "ga", "georgia", "ill", "illinois", "kan", "kansas", "ky",
            "md", "mich", "michigan", "minn", "neb", "nebraska", "nev", "nevada", "okla", "oklahoma", "tenn", "tex",
            "texas", "wis", "ohio", "iowa", "utah", "n.y", "n.j", "va", "virginia", "wash", "ore", "pa", "mass");

    private static final Set<String> COMPASS_LIST = words("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "upper", "lower", "greater", "new", "old", "great");

    /** First words of place names followed by "of" ("Gulf of Mexico"). */
    private static final Set<String> PLACE_PREFIXES_LIST = words("gulf", "bay", "sea", "lake", "isle", "isles", "cape",
            "strait", "straits", "mount", "port", "city", "republic", "kingdom", "state");

    /** Legal forms after a company's name, which name the same company ("Apple Inc."). */
    private static final Set<String> LEGAL_FORMS_LIST = words("inc", "corp", "corporation", "ltd", "llc", "plc", "co", "gmbh",
            "ag", "sa", "nv", "bv", "ab", "as", "oy", "spa");

    /** Lower-case words allowed inside a name ("Bank of America", "Procter & Gamble"). */
    private static final Set<String> CONNECTORS_LIST = words("of", "de", "del", "van", "von", "der", "da", "&");

    /** Given names: the hand list and the generated English list (tools/gazetteer), case-folded. */
    private static final Set<String> FIRST_NAMES_LIST = readWords(true, "/first-names.txt", "/first-names-en.txt");

    /**
     * One-word company names that are not English words (generated, tools/gazetteer), as written: a
     * capitalised run that is one of them, or starts or ends with one, is an organisation.
     */
    private static final Set<String> COMPANY_WORDS_LIST = readWords(false, "/company-words.txt");

    /** A word set from a long hand-written list, where a repeat is harmless. */
    private static Set<String> words(String... words) {
        // A HashSet compares hashes before equals, which beats Set.of's probing for lookups of many words.
        return Collections.unmodifiableSet(new HashSet<>(Arrays.asList(words)));
    }

    /** Generic words that still name products after a brand ("Apple TV", "Amazon Instant Video"). */
    private static final Set<String> PRODUCT_WORDS_LIST = words("tv", "video", "music", "live", "store", "play", "pay",
            "drive", "maps", "mail", "photos", "cloud", "search", "one", "pro", "max", "mini", "air", "hd", "plus",
            "ultra", "lite", "go", "x", "xl");

    /** Operating systems and devices that apps are listed for. */
    private static final Set<String> PLATFORMS_LIST = words("ios", "android", "windows", "win", "mac", "macos", "osx", "linux",
            "iphone", "ipad", "chrome", "web", "blackberry", "xbox", "playstation", "ps4", "switch", "kindle");

    private static final Set<String> TITLE_CASE_SMALL_LIST = words(
            "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by",
            "from", "as", "vs", "via", "into", "onto", "over", "per", "than", "up", "off", "out", "is", "are");

    private static final Set<String> NON_TERMINAL_LIST = words(
            "dr", "mr", "mrs", "ms", "prof", "st", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
            "jr", "sr", "inc", "corp", "ltd", "co", "vs", "no", "mt", "ft");

    /** Generic, also as a contraction: "I've", "We're". */
    private static boolean generic(String folded) {
        if (folded.indexOf('.') > 0) {
            folded = folded.replace(".", ""); // "A.I." is "ai"
        }
        int apostrophe = folded.indexOf('\'');
        return GENERIC_LIST.contains(apostrophe > 0 ? folded.substring(0, apostrophe) : folded);
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

    /** The lists in bit order (initialised after them: static fields initialise in textual order). */
    private static final List<Set<String>> LISTS = List.of(
            GENERIC_LIST,
            VOCABULARY_LIST,
            TITLES_LIST,
            TITLE_FORMS_LIST,
            SPEECH_LIST,
            ROLES_LIST,
            DETERMINERS_LIST,
            ORG_NOUNS_LIST,
            PRODUCT_NOUNS_LIST,
            PRODUCT_NEXT_LIST,
            ORG_SUFFIXES_LIST,
            ORG_PREFIXES_LIST,
            PLACE_SUFFIXES_LIST,
            EXTENDED_CONNECTORS_LIST,
            ARTICLES_LIST,
            PLACE_FIRST_WORDS_LIST,
            PLACE_STATES_LIST,
            COMPASS_LIST,
            PLACE_PREFIXES_LIST,
            LEGAL_FORMS_LIST,
            CONNECTORS_LIST,
            FIRST_NAMES_LIST,
            COMPANY_WORDS_LIST,
            PRODUCT_WORDS_LIST,
            PLATFORMS_LIST,
            TITLE_CASE_SMALL_LIST,
            NON_TERMINAL_LIST);
}
