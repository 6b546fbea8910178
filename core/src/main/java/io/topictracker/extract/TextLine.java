package io.topictracker.extract;

/**
 * A kept line of an article with its words and what kind of line it is. Entity finding treats the
 * kinds differently: capitalisation is evidence of a name only in running text, because headings
 * capitalise every word and shouted lines capitalise every letter.
 *
 * @param text the line as kept by {@link PageClutter}
 * @param chars the article's text, which {@code offset} and the words' positions index (never modified)
 * @param words its words (an array: entity finding indexes it a lot; never modified), their positions
 *     offsets in the article's text
 * @param kind running text, heading or all-caps
 * @param offset where the line starts in the article's text
 */
record TextLine(String text, char[] chars, Word[] words, Kind kind, int offset) {

    /** The kinds of line that matter to entity finding. */
    enum Kind {
        TEXT,
        HEADING,
        SHOUTING
    }

    /** A line whose words are already cut ({@link PageClutter} does it while judging the line). */
    static TextLine of(String text, char[] chars, Word[] words, int offset) {
        return new TextLine(text, chars, words, classify(text, words, false), offset);
    }

    /** An article's title: a headline even when it ends with "!" or "?". */
    static TextLine title(String text, char[] chars, Word[] words, int offset) {
        return new TextLine(text, chars, words, classify(text, words, true), offset);
    }

    private static Kind classify(String text, Word[] words, boolean title) {
        boolean lower = false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                lower = true;
                break;
            }
        }
        if (!lower && words.length >= 2) {
            return Kind.SHOUTING;
        }
        if (text.startsWith("#")) {
            return Kind.HEADING;
        }
        // Title case marks a heading whatever its last character ("... to the Next Level!").
        int capitalised = 0;
        for (Word w : words) {
            if (w.capitalised() || w.innerCapital()) {
                capitalised++;
            } else if (w.hasLetter() && (w.lexeme().cues & NameWords.TITLE_CASE_SMALL) == 0) {
                return Kind.TEXT;
            }
        }
        char last = text.charAt(text.length() - 1);
        boolean sentenceEnd = last == '.' || last == '!' || last == '?' || last == ',' || last == ';'
                || Tokenizer.normalise(last) == '"';
        // A short capitalised sentence ("Apple Sued Google.") is text; a title needs no full stop.
        return !sentenceEnd || title || capitalised >= 4 ? Kind.HEADING : Kind.TEXT;
    }

    /**
     * Where the gap before word {@code i} starts in its characters: after the word before (and its
     * possessive {@code 's}), or at the line's start.
     */
    private int gapStart(int i) {
        return i == 0 ? offset : words[i - 1].gapAfter();
    }

    /** Whether the gap before word {@code i} is {@code c} and spaces only (", ", " (", "."). */
    boolean gapIs(int i, char c) {
        Word w = words[i];
        boolean seen = false;
        for (int k = gapStart(i); k < w.start(); k++) {
            char g = chars[k];
            if (g == c && !seen) {
                seen = true;
            } else if (!Character.isWhitespace(g)) {
                return false;
            }
        }
        return seen;
    }

    /** Whether the punctuation and spaces between word {@code i} and the word before it have {@code c}. */
    boolean gapContains(int i, char c) {
        Word w = words[i];
        for (int k = gapStart(i); k < w.start(); k++) {
            if (chars[k] == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether word {@code i} starts a sentence (or a line, a quotation or the part after a colon),
     * where capitalisation says nothing about being a name.
     */
    boolean sentenceStart(int i) {
        if (i == 0) {
            return true;
        }
        Word w = words[i];
        if (!w.breakBefore()) {
            return false; // most gaps: spaces only, and every mark that ends a sentence is a hard gap
        }
        int from = gapStart(i);
        int to = w.start();
        boolean terminal = false;
        boolean onlyDot = true;
        int dots = 0;
        for (int k = from; k < to; k++) {
            char c = Tokenizer.normalise(chars[k]);
            // A quote mark opens a quotation only when it touches the word: in '," Rehman said' it closes one.
            boolean openingQuote = c == '"' && k == to - 1;
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\u2022' || openingQuote) {
                terminal = true;
            }
            if (c == '.') {
                dots++;
            } else if (!Character.isWhitespace(c)) {
                onlyDot = false;
            }
        }
        if (!terminal) {
            return false;
        }
        // "Dr. Kim": the dot belongs to the word before.
        return !(onlyDot && dots == 1) || !words[i - 1].is(NameWords.NON_TERMINAL);
    }
}
