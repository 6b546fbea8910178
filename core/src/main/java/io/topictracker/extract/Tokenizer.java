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

    private static final byte WORD = 1;
    private static final byte UPPER = 2;
    private static final byte LETTER = 4;
    /** Gap characters: {@link #isSoftGap}, whitespace as the line's shape counts it, markup, sentence end. */
    private static final byte SOFT_GAP = 8;
    private static final byte SPACE = 16;
    private static final byte MARKUP = 32;
    private static final byte SENTENCE_END = 64;
    /** The character classes above, of each ASCII character. */
    private static final byte[] ASCII = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII[c] = (byte) ((isWordChar(c) ? WORD : 0) | (c >= 'A' && c <= 'Z' ? UPPER : 0)
                    | (Character.isLetter(c) ? LETTER : 0) | (isSoftGap(c) ? SOFT_GAP : 0)
                    | (c == ' ' || (c <= '\r' && c >= '\t') ? SPACE : 0)
                    | (c == '<' || c == '=' || c == '{' || c == '[' || c == '/' ? MARKUP : 0)
                    | (c == '.' || c == '!' || c == '?' ? SENTENCE_END : 0));
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
     * ({@code < = { [ /}) and a sentence end ({@code . ! ?}).
     */
    record Scan(Word[] words, int chunks, boolean letter, boolean markup, boolean sentenceEnd) {}

    /**
     * Cuts the line {@code chars[from, to)} into words (positions relative to {@code from}). One pass
     * over the characters, since it runs on every line of every article.
     */
    static Scan scan(char[] line, int from, int to) {
        Word[] words = new Word[Math.max(4, (to - from) / 6)];
        int count = 0;
        int i = from;
        int gapStart = from;
        boolean hardGap = true;
        int chunks = 1;
        boolean space = false;
        boolean letter = false;
        boolean markup = false;
        boolean sentenceEnd = false;
        while (i < to) {
            char raw = line[i];
            char c;
            if (raw < 0x80) {
                byte k = ASCII[raw];
                if ((k & WORD) == 0) {
                    // A gap character, and its share of the line's shape, by table.
                    hardGap |= (k & SOFT_GAP) == 0;
                    if ((k & SPACE) != 0) {
                        chunks += space ? 0 : 1;
                        space = true;
                    } else {
                        space = false;
                        markup |= (k & MARKUP) != 0;
                        sentenceEnd |= (k & SENTENCE_END) != 0;
                    }
                    i++;
                    continue;
                }
                c = raw;
            } else {
                c = normaliseNonAscii(raw);
                if (!Character.isLetterOrDigit(c)) {
                    hardGap |= !isSoftGap(c);
                    // As written: a no-break space is no whitespace to the shape.
                    if (Character.isWhitespace(raw)) {
                        chunks += space ? 0 : 1;
                        space = true;
                    } else {
                        space = false;
                    }
                    i++;
                    continue;
                }
            }
            space = false;
            boolean firstUpper = c < 0x80 ? (ASCII[c] & UPPER) != 0 : Character.isUpperCase(c);
            boolean firstLower = c < 0x80 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
            int start = i;
            // Letters and digits are never rewritten, so a word is a substring of the line unless a
            // typographic joiner (’, ‐) sits inside it.
            boolean rewritten = false;
            boolean upper = false;
            boolean wordLetter = false;
            boolean dotted = false;
            // String#hashCode() of the word as written, built as the characters go by.
            int hash = 0;
            while (true) {
                // ASCII letters and digits by table: the loop every character of every word goes through.
                while (i < to) {
                    c = line[i];
                    if (c < 0x80) {
                        byte k = ASCII[c];
                        if ((k & WORD) == 0) {
                            break;
                        }
                        upper |= (k & UPPER) != 0;
                        wordLetter |= (k & LETTER) != 0;
                        hash = 31 * hash + c;
                    } else {
                        c = normaliseNonAscii(c);
                        if (!Character.isLetterOrDigit(c)) {
                            break;
                        }
                        upper |= Character.isUpperCase(c);
                        wordLetter |= Character.isLetter(c);
                        hash = 31 * hash + c;
                    }
                    i++;
                }
                if (i + 1 >= to || !isJoiner(c) || !isWordChar(normalise(line[i + 1]))) {
                    break;
                }
                if (c == '\'' && isPossessiveAt(line, i, to)) {
                    break;
                }
                dotted |= line[i] == '.';
                rewritten |= line[i] != c;
                hash = 31 * hash + line[i];
                i++;
            }
            sentenceEnd |= dotted;
            // Only a word with a dot inside can be an abbreviation, only one before a dot an initial.
            boolean abbreviation = dotted && isAbbreviation(line, start, i);
            if (i < to && line[i] == '.' && (abbreviation || isInitial(line, start, i, to))) {
                sentenceEnd = true;
                hash = 31 * hash + '.';
                i++;
            }
            int end = i;
            if (i < to && normalise(line[i]) == '\'' && isPossessiveAt(line, i, to)) {
                i += 2;
            }
            if (count == words.length) {
                words = Arrays.copyOf(words, 2 * count);
            }
            words[count++] = new Word(line, from, start, end, gapStart, hardGap, abbreviation, upper, firstUpper,
                    firstLower, wordLetter, rewritten, hash);
            letter |= wordLetter;
            gapStart = i;
            hardGap = false;
        }
        return new Scan(count == words.length ? words : Arrays.copyOf(words, count), chunks, letter, markup,
                sentenceEnd);
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
