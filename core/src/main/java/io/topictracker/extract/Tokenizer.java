package io.topictracker.extract;

import java.util.ArrayList;
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
        List<Word> words = new ArrayList<>();
        // One copy of the line, scanned as an array: cheaper than String.charAt per character.
        char[] line = text.toCharArray();
        int n = line.length;
        int i = 0;
        int gapStart = 0;
        boolean hardGap = true;
        while (i < n) {
            char c = normalise(line[i]);
            if (!isWordChar(c)) {
                if (!isSoftGap(c)) {
                    hardGap = true;
                }
                i++;
                continue;
            }
            int start = i;
            // Letters and digits are never rewritten, so a word is a substring of the line unless a
            // typographic joiner (’, ‐) sits inside it.
            boolean rewritten = false;
            boolean upper = false;
            while (true) {
                while (i < n && isWordChar(c = normalise(line[i]))) {
                    upper |= c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
                    i++;
                }
                if (i + 1 >= n || !isJoiner(c) || !isWordChar(normalise(line[i + 1]))) {
                    break;
                }
                if (c == '\'' && isPossessiveAt(line, i)) {
                    break;
                }
                rewritten |= line[i] != c;
                i++;
            }
            boolean abbreviation = isAbbreviation(line, start, i);
            if ((abbreviation || isInitial(line, start, i)) && i < n && line[i] == '.') {
                i++;
            }
            int end = i;
            int hash = 0;
            for (int k = start; k < end; k++) {
                hash = 31 * hash + line[k];
            }
            if (i < n && normalise(line[i]) == '\'' && isPossessiveAt(line, i)) {
                i += 2;
            }
            words.add(new Word(line, start, end, gapStart, hardGap, abbreviation, upper, rewritten, hash));
            gapStart = i;
            hardGap = false;
        }
        return words;
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
    private static boolean isPossessiveAt(char[] line, int i) {
        if (i + 1 >= line.length) {
            return false;
        }
        char s = line[i + 1];
        return (s == 's' || s == 'S')
                && (i + 2 >= line.length || !Character.isLetterOrDigit(normalise(line[i + 2])));
    }

    /**
     * A middle initial: one capital followed by a dot, a space and a capital ("Charles A. Dyer"). The
     * dot stays with the letter so that it does not split the name.
     */
    private static boolean isInitial(char[] line, int start, int end) {
        boolean initial = end - start == 1 && Character.isUpperCase(line[start]);
        // "St. Louis", "Mt. Everest", "Ft. Worth": abbreviations that begin place names.
        boolean placeAbbreviation = end - start == 2 && line[start + 1] == 't'
                && (line[start] == 'S' || line[start] == 'M' || line[start] == 'F');
        return (initial || placeAbbreviation) && end + 2 < line.length
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
        addThemeTokens(word, out, Stemmer.local());
    }

    /** As {@link #addThemeTokens(Word, List)} with this thread's stemmer already in hand. */
    static void addThemeTokens(Word word, List<String> out, Stemmer stemmer) {
        for (String token : stemmer.tokens(word)) {
            out.add(token);
        }
    }

    /** The match tokens of a word, computed afresh (the {@link Stemmer} caches them by surface). */
    static String[] themeTokens(Word word, Stemmer stemmer) {
        String folded = word.folded();
        if (word.abbreviation()) {
            return new String[] {stemmer.of(folded.replace(".", ""))};
        }
        if (isPluralAcronym(word.text())) {
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
