package io.topictracker.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts text into {@link Word}s and words into the folded, stemmed tokens that theme phrases are
 * matched on. Taxonomy phrases go through the same code as article text, so "open-source" in the
 * YAML and "Open Source" in an article meet as the same tokens. A hand-written scanner rather than
 * regular expressions or a Lucene analyzer chain, because it runs on every article.
 */
final class Tokenizer {

    private Tokenizer() {}

    /**
     * Maps typographic variants onto the ASCII characters the scanner reasons about. The en dash and
     * figure dash join words like a hyphen ("open–source" is a typo often enough); the em dash and
     * the horizontal bar separate them, because "Google—which" is house style at many outlets.
     */
    static char normalise(char c) {
        return c < 0x80 ? c : normaliseNonAscii(c);
    }

    private static char normaliseNonAscii(char c) {
        switch (c) {
            case '\u2010': // hyphen
            case '\u2011': // non-breaking hyphen
            case '\u2012': // figure dash
            case '\u2013': // en dash
            case '\u2212': // minus sign
                return '-';
            case '\u2014': // em dash
            case '\u2015': // horizontal bar
                return '|';
            case '\u2018':
            case '\u2019':
            case '\u201B':
            case '\u2032':
                return '\'';
            case '\u201C':
            case '\u201D':
            case '\u201E':
            case '\u2033':
                return '"';
            case '\u00A0':
            case '\u2009':
            case '\u202F':
                return ' ';
            default:
                return c;
        }
    }

    private static final int WORD = 1;
    private static final int UPPER = 2;
    private static final int LETTER = 4;
    /** Whitespace as the line's shape counts it, markup, sentence end, a gap character that is not soft. */
    private static final int SPACE_SHIFT = 4;
    private static final int SPACE = 1 << SPACE_SHIFT;
    private static final int MARKUP = 32;
    private static final int SENTENCE_END = 64;
    private static final int HARD_SHIFT = 7;
    private static final int HARD = 1 << HARD_SHIFT;
    /** What may continue a word or belong to it when it follows one: a joiner, a dot, an apostrophe. */
    private static final int AFTER_WORD = 256;
    /** Not printable ASCII: a control character, DEL or anything beyond ASCII. */
    private static final int NOT_PLAIN = 512;
    /** The character classes above, of each ASCII character. */
    private static final int[] ASCII = new int[0x80];
    /**
     * Every character's classes (high 16 bits) and its {@link #normalise normalised} form (low 16
     * bits), so the character pass of {@link #scan} has no branch for non-ASCII text: that rare
     * branch, inlined into the loop, made the whole pass a third slower (256 KB, mostly never read).
     */
    private static final int[] CHARS = new int[0x10000];

    static {
        for (char c = 0; c < 0x80; c++) {
            boolean word = isWordChar(c);
            ASCII[c] = (word ? WORD : 0) | (c >= 'A' && c <= 'Z' ? UPPER : 0)
                    | (Character.isLetter(c) ? LETTER : 0) | (!word && !isSoftGap(c) ? HARD : 0)
                    | (c == ' ' || (c <= '\r' && c >= '\t') ? SPACE : 0)
                    | (c == '<' || c == '=' || c == '{' || c == '[' || c == '/' ? MARKUP : 0)
                    | (c == '.' || c == '!' || c == '?' ? SENTENCE_END : 0)
                    | (isJoiner(c) ? AFTER_WORD : 0) | (c < ' ' || c == 0x7F ? NOT_PLAIN : 0);
        }
        for (int c = 0; c < CHARS.length; c++) {
            int k = c < 0x80 ? ASCII[c] : nonAsciiClasses((char) c) | NOT_PLAIN;
            CHARS[c] = k << 16 | normalise((char) c);
        }
    }

    private static boolean isJoiner(char c) {
        return c == '-' || c == '\'' || c == '.' || c == '&';
    }

    /**
     * Gap characters that do not separate words for matching: apostrophes (a plural possessive
     * "companies' data"), an ampersand ("Procter & Gamble") and Markdown emphasis.
     */
    private static boolean isSoftGap(char c) {
        return c == ' ' || c == '\'' || c == '&' || c == '*' || c == '_' || Character.isWhitespace(c);
    }

    /** The words of one line, in order. */
    static List<Word> words(String text) {
        return Arrays.asList(wordArray(text));
    }

    /** The words of one line, in order, as an array. */
    static Word[] wordArray(String text) {
        return scan(text.toCharArray(), 0, text.length()).words();
    }

    /**
     * A line cut into words, and what {@link PageClutter} asks of its characters, found in the same
     * pass: {@code chunks} of non-whitespace, and whether it has a letter, a markup character
     * ({@code < = { [ /}) and a sentence end ({@code . ! ?}), and whether it is {@code plain}: printable
     * ASCII with single spaces between words and none at its ends.
     */
    record Scan(Word[] words, int chunks, boolean letter, boolean markup, boolean sentenceEnd, boolean plain) {}

    /**
     * Cuts the line {@code chars[from, to)} into words (positions are offsets in {@code chars}). It runs on
     * every line of every article, so it works in two passes: the first goes over the characters
     * without a branch that depends on them (where a word starts or ends is data, not control flow:
     * ends of words are what a CPU mispredicts), recording each run of word characters with its hash
     * and character classes; the second goes over those runs, joining "open-source", "U.S." and
     * "don't", and dropping a possessive 's. Each word is then looked up in this thread's
     * {@link Lexicon} ({@link Word#lexeme()}).
     */
    static Scan scan(char[] line, int from, int to) {
        return scan(Runs.local(), Lexicon.local(), line, from, to);
    }

    /**
     * {@link #scan} with this thread's {@link Runs} and {@link Lexicon} in hand: fetch them once per
     * article, not per line.
     */
    static Scan scan(Runs room, Lexicon lexicon, char[] line, int from, int to) {
        int length = to - from;
        Runs runs = room.forLength(length);
        int[] bound = runs.bound;
        int[] power = runs.power;
        int[] hashes = runs.hashes;
        int[] classes = runs.classes;
        int[] hard = runs.hard;
        int[] chars = CHARS;
        int count = 0;
        int inWord = 0;
        int inSpace = 0;
        int sum = 0;
        int wordClasses = 0;
        int hardChars = 0;
        int lineClasses = 0;
        int chunks = 1;
        int spaces = 0;
        for (int j = 0; j < length; j++) {
            int entry = chars[line[from + j]];
            int k = entry >>> 16;
            int c = entry & 0xFFFF;
            int word = k & WORD;
            // Every character writes the current run's slot; a change between word and gap moves on to
            // the next slot, so slots alternate: start of a word, end of a word.
            bound[count] = from + j;
            hashes[count] = sum;
            classes[count] = wordClasses;
            hard[count] = hardChars;
            count += word ^ inWord;
            inWord = word;
            sum += c * power[j];
            wordClasses = (wordClasses | k) & -word;
            hardChars += (k >>> HARD_SHIFT) & 1;
            int space = (k >>> SPACE_SHIFT) & 1;
            chunks += space & ~inSpace;
            spaces += space;
            inSpace = space;
            lineClasses |= k;
        }
        if (inWord != 0) {
            bound[count] = to;
            hashes[count] = sum;
            classes[count] = wordClasses;
            hard[count] = hardChars;
            count++;
        }
        int[] inverse = runs.inverse;
        int runCount = count / 2;
        int[] wordStarts = runs.wordStarts;
        int[] wordEnds = runs.wordEnds;
        int[] wordFlags = runs.wordFlags;
        int[] wordHashes = runs.wordHashes;
        int n = 0;
        boolean letter = false;
        // Hard gap characters up to the end of the last word: a dot an abbreviation took is no gap.
        int hardBefore = 0;
        for (int r = 0; r < runCount; r++) {
            int start = bound[2 * r];
            int end = bound[2 * r + 1];
            int k = classes[2 * r + 1];
            int startSum = hashes[2 * r];
            boolean hardGap = n == 0 || hard[2 * r] > hardBefore;
            char after = end < to ? line[end] : ' ';
            if (after < 0x80 && (ASCII[after] & AFTER_WORD) == 0) {
                // Most words: a space or punctuation after it that neither joins nor belongs to it.
                wordHashes[n] = (hashes[2 * r + 1] - startSum) * inverse[start - from];
                wordStarts[n] = start;
                wordEnds[n] = end;
                wordFlags[n++] = flags(line, start, hardGap, false, k, false, false);
                letter |= (k & LETTER) != 0;
                hardBefore = hard[2 * r + 1];
                continue;
            }
            // A joiner between two runs ("open-source", "Node.js", "don't") makes them one word, unless
            // it is the apostrophe of a possessive.
            boolean rewritten = false;
            boolean dotted = false;
            while (r + 1 < runCount && bound[2 * r + 2] == end + 1) {
                char raw = line[end];
                char c = normalise(raw);
                if (!isJoiner(c) || (c == '\'' && isPossessiveAt(line, end, to))) {
                    break;
                }
                dotted |= raw == '.';
                rewritten |= raw != c;
                r++;
                end = bound[2 * r + 1];
                k |= classes[2 * r + 1];
            }
            // The sums run over the whole line: the word's share, moved back to its first character.
            int wordHash = (hashes[2 * r + 1] - startSum) * inverse[start - from];
            // Only a word with a dot inside can be an abbreviation, only one before a dot an initial.
            boolean abbreviation = dotted && isAbbreviation(line, start, end);
            int next = end;
            if (end < to && line[end] == '.' && (abbreviation || isInitial(line, start, end, to))) {
                wordHash += '.' * power[end - start];
                next++;
                end++;
                hardBefore = 1; // the dot
            } else {
                hardBefore = 0;
            }
            hardBefore += hard[2 * r + 1];
            if (next < to && normalise(line[next]) == '\'' && isPossessiveAt(line, next, to)) {
                next += 2;
                r++; // the possessive's s
            }
            wordHashes[n] = wordHash;
            wordStarts[n] = start;
            wordEnds[n] = end;
            wordFlags[n++] = flags(line, start, hardGap, abbreviation, k, rewritten, next != end);
            letter |= (k & LETTER) != 0;
        }
        Word[] cut = lexicon.lookUp(line, n, wordStarts, wordEnds, wordFlags, wordHashes);
        // Each run of spaces adds a chunk: one space per run, and no space at either end, is single spacing.
        boolean plain = (lineClasses & NOT_PLAIN) == 0 && spaces == chunks - 1 && length > 0
                && line[from] != ' ' && line[to - 1] != ' ';
        return new Scan(cut, chunks, letter, (lineClasses & MARKUP) != 0, (lineClasses & SENTENCE_END) != 0, plain);
    }

    /** The {@link Word#flags} of the word at {@code line[start]}, whose characters have the classes {@code k}. */
    private static int flags(char[] line, int start, boolean hardGap, boolean abbreviation, int k,
            boolean rewritten, boolean possessive) {
        char first = line[start];
        boolean firstUpper = first < 0x80 ? (ASCII[first] & UPPER) != 0 : Character.isUpperCase(first);
        boolean firstLower = first < 0x80 ? first >= 'a' && first <= 'z' : Character.isLowerCase(first);
        return Word.flags(hardGap, abbreviation, (k & UPPER) != 0, firstUpper,
                firstLower, (k & LETTER) != 0, rewritten, possessive);
    }

    /**
     * The character classes of a non-ASCII character, of its normalised form: a letter or digit is a
     * word character; of the rest, only whitespace as written counts as space, and only what
     * {@link #isSoftGap} calls soft is no hard gap. Never markup or a sentence end.
     */
    private static int nonAsciiClasses(char raw) {
        char c = normaliseNonAscii(raw);
        if (Character.isLetterOrDigit(c)) {
            return WORD | (Character.isUpperCase(c) ? UPPER : 0) | (Character.isLetter(c) ? LETTER : 0);
        }
        return (Character.isWhitespace(raw) ? SPACE : 0) | (isSoftGap(c) ? 0 : HARD);
    }

    /**
     * Per-thread room for the first pass of {@link #scan}: for each run of word or gap characters,
     * where it starts, and the running hash sum, word classes and hard-gap count there; and the
     * powers of the hash's multiplier and of its inverse.
     */
    static final class Runs {
        private static final ThreadLocal<Runs> LOCAL = ThreadLocal.withInitial(() -> new Runs(1024));
        /** Longer lines get arrays of their own, so that one huge line does not stay in every thread. */
        private static final int KEPT = 1 << 16;

        private int[] bound;
        private int[] hashes;
        private int[] classes;
        private int[] hard;
        /** Each word of the line, for the {@link Lexicon} to look up and make: its start, end, flags and hash. */
        private int[] wordStarts;
        private int[] wordEnds;
        private int[] wordFlags;
        private int[] wordHashes;
        /** {@code power[k]} is {@link #MULTIPLIER}^k, {@code inverse[k]} its inverse (mod 2^32). */
        private int[] power;
        private int[] inverse;

        private Runs(int size) {
            allocate(size);
        }

        private void allocate(int size) {
            bound = new int[size];
            hashes = new int[size];
            classes = new int[size];
            hard = new int[size];
            wordStarts = new int[size];
            wordEnds = new int[size];
            wordFlags = new int[size];
            wordHashes = new int[size];
            power = new int[size];
            inverse = new int[size];
            int p = 1;
            int q = 1;
            for (int k = 0; k < size; k++) {
                power[k] = p;
                inverse[k] = q;
                p *= MULTIPLIER;
                q *= MULTIPLIER_INVERSE;
            }
        }

        /** This thread's arrays. */
        static Runs local() {
            return LOCAL.get();
        }

        /** Room for a line of {@code length} characters: these arrays, grown if need be, or arrays of its own. */
        Runs forLength(int length) {
            if (bound.length < length + 2) {
                int size = Math.max(length + 2, 2 * bound.length);
                if (size > KEPT) {
                    return new Runs(size);
                }
                allocate(size);
            }
            return this;
        }
    }

    /**
     * A word's hash is sum of {@code c[j] * MULTIPLIER^j} over its normalised characters: unlike
     * {@link String#hashCode()} it can be summed over the whole line without a dependency between
     * characters, and a word's share divided out afterwards (an odd multiplier has an inverse).
     */
    private static final int MULTIPLIER = 31;
    private static final int MULTIPLIER_INVERSE = inverseOf(MULTIPLIER);

    /** The inverse of an odd number mod 2^32, by Newton's iteration. */
    private static int inverseOf(int odd) {
        int x = odd;
        for (int k = 0; k < 5; k++) {
            x *= 2 - odd * x;
        }
        return x;
    }

    /** The hash {@link #scan} gives a word whose {@link Word#text()} is {@code text}. */
    static int hash(String text) {
        int sum = 0;
        int power = 1;
        for (int k = 0; k < text.length(); k++) {
            sum += text.charAt(k) * power;
            power *= MULTIPLIER;
        }
        return sum;
    }

    static String normaliseAll(String s) {
        char[] chars = s.toCharArray();
        for (int k = 0; k < chars.length; k++) {
            chars[k] = normalise(chars[k]);
        }
        return new String(chars);
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    /** An apostrophe at {@code i} followed by a word-final s: the possessive the matcher drops. */
    private static boolean isPossessiveAt(char[] line, int i, int to) {
        if (i + 1 >= to) {
            return false;
        }
        char s = line[i + 1];
        return (s == 's' || s == 'S')
                && (i + 2 >= to || !Character.isLetterOrDigit(normalise(line[i + 2])));
    }

    /**
     * A middle initial: one capital followed by a dot, a space and a capital ("Charles A. Dyer"). The
     * dot stays with the letter so that it does not split the name.
     */
    private static boolean isInitial(char[] line, int start, int end, int to) {
        boolean initial = end - start == 1 && Character.isUpperCase(line[start]);
        // "St. Louis", "Mt. Everest", "Ft. Worth": abbreviations that begin place names.
        boolean placeAbbreviation = end - start == 2 && line[start + 1] == 't'
                && (line[start] == 'S' || line[start] == 'M' || line[start] == 'F');
        return (initial || placeAbbreviation) && end + 2 < to
                && line[end] == '.' && line[end + 1] == ' ' && Character.isUpperCase(line[end + 2]);
    }

    /** "A.I", "U.S", "e.g": two or more single letters joined by dots (the final dot comes later). */
    private static boolean isAbbreviation(char[] line, int start, int end) {
        int len = end - start;
        if (len < 3 || len % 2 == 0 || line[start + 1] != '.') {
            return false;
        }
        for (int k = 0; k < len; k++) {
            char c = line[start + k];
            if (k % 2 == 0 ? !Character.isLetter(c) : c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the match tokens of one word: case-folded, split at hyphens, dots and ampersands,
     * apostrophes removed, each part stemmed. Dotted abbreviations stay one token ("A.I." is "ai")
     * and a plural acronym loses its s ("LLMs" is "llm", which Porter2 leaves as "llms").
     */
    static void addThemeTokens(Word word, List<String> out) {
        for (String token : word.lexeme().tokens) {
            out.add(token);
        }
    }

    /**
     * The match tokens of a word form, computed afresh (the {@link Lexicon} keeps them per form):
     * {@code text} as {@link Word#text()} writes it, {@code folded} case-folded, {@code abbreviation}
     * whether it is a dotted one.
     */
    static String[] themeTokens(String text, String folded, boolean abbreviation, Stemmer stemmer) {
        if (abbreviation) {
            return new String[] {stemmer.of(folded.replace(".", ""))};
        }
        if (isPluralAcronym(text)) {
            return new String[] {stemmer.of(folded.substring(0, folded.length() - 1))};
        }
        List<String> out = new ArrayList<>(2);
        int partStart = 0;
        int len = folded.length();
        for (int k = 0; k <= len; k++) {
            char c = k == len ? '-' : folded.charAt(k);
            if (c == '-' || c == '.' || c == '&') {
                if (k > partStart) {
                    String part = partStart == 0 && k == len ? folded : folded.substring(partStart, k);
                    if (part.indexOf('\'') >= 0) {
                        part = part.replace("'", "");
                    }
                    out.add(stemmer.of(part));
                }
                partStart = k + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean isPluralAcronym(String text) {
        int len = text.length();
        if (len < 3 || text.charAt(len - 1) != 's') {
            return false;
        }
        for (int k = 0; k < len - 1; k++) {
            char c = text.charAt(k);
            if (!Character.isUpperCase(c) && !Character.isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** The match tokens of a taxonomy phrase (punctuation inside a phrase is ignored). */
    static List<String> phraseTokens(String phrase) {
        List<String> tokens = new ArrayList<>();
        for (String line : phrase.split("\n", -1)) {
            for (Word w : words(line)) {
                addThemeTokens(w, tokens);
            }
        }
        return tokens;
    }
}
