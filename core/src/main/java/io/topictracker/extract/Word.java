package io.topictracker.extract;

/**
 * One word of a line as the {@link Tokenizer} cut it, before case folding: the unit both theme
 * matching (after folding, splitting and stemming) and entity finding (which needs the case) start
 * from. A place in the article's text and the {@link Lexeme} of its form, which has the text: most
 * words of an article are looked up by their characters and never copied out.
 *
 * <p>An article has thousands of words, so a word is small: 24 bytes (its start, its flags in one
 * byte and its lexeme), since its length is its form's and the characters are the article's, which
 * the line ({@link TextLine#chars()}) and the tokenizer have at hand.
 */
final class Word {

    private final int start;
    private final byte flags;
    /** The form's entry in this thread's {@link Lexicon}. */
    private final Lexeme lexeme;

    static final int BREAK_BEFORE = 1;
    static final int ABBREVIATION = 2;
    static final int ANY_UPPER = 4;
    static final int HAS_LETTER = 8;
    static final int REWRITTEN = 16;
    /** Whether the first character is upper-case, lower-case, or neither (a digit, say). */
    static final int FIRST_UPPER = 32;
    static final int FIRST_LOWER = 64;
    /** A possessive 's follows the word (and is not part of it). */
    static final int POSSESSIVE = 128;

    /**
     * A word as the {@link Lexicon} makes it, once it has found the lexeme of its form.
     *
     * @param start offset of the word in the article's text
     * @param flags the word's {@link #flags flags}
     * @param lexeme the form's entry in this thread's lexicon
     */
    Word(int start, int flags, Lexeme lexeme) {
        this.start = start;
        this.flags = (byte) flags;
        this.lexeme = lexeme;
    }

    /**
     * A word's flags, in one byte (the {@link Tokenizer} works them out while cutting the line, before
     * the word is made):
     *
     * @param breakBefore whether punctuation separates this word from the previous one (always true
     *     for the first word of a line): phrases and names never span such a gap
     * @param abbreviation whether the word is a dotted abbreviation of single letters ("A.I.", "U.S.")
     * @param anyUpper whether any letter is upper-case
     * @param firstUpper whether the first character is upper-case
     * @param firstLower whether the first character is lower-case
     * @param hasLetter whether it has a letter at all (so "2024" and "3.5" are not name material)
     * @param rewritten whether a typographic joiner inside it (’, ‐) is normalised in {@link #text()}
     * @param possessive whether a possessive {@code 's} follows it
     */
    static int flags(boolean breakBefore, boolean abbreviation, boolean anyUpper, boolean firstUpper,
            boolean firstLower, boolean hasLetter, boolean rewritten, boolean possessive) {
        return (breakBefore ? BREAK_BEFORE : 0) | (abbreviation ? ABBREVIATION : 0)
                | (anyUpper ? ANY_UPPER : 0) | (hasLetter ? HAS_LETTER : 0) | (rewritten ? REWRITTEN : 0)
                | (firstUpper ? FIRST_UPPER : 0) | (firstLower ? FIRST_LOWER : 0) | (possessive ? POSSESSIVE : 0);
    }

    private boolean flag(int flag) {
        return (flags & flag) != 0;
    }

    /** What this thread's {@link Lexicon} knows of the word's form (looked up as the line was cut). */
    Lexeme lexeme() {
        return lexeme;
    }

    /**
     * The surface form with typographic quotes and hyphens normalised and a possessive {@code 's}
     * removed; hyphens, inner dots ({@code Node.js}, {@code U.S.}) and apostrophes kept.
     */
    String text() {
        return lexeme().text;
    }

    /** {@link #text()} case-folded with {@code Locale.ROOT}. */
    String folded() {
        return lexeme().folded;
    }

    /** {@link Gazetteer#compactKey} of {@link #text()}, remembered with the form. */
    String compactKey() {
        Lexeme l = lexeme();
        String key = l.compactKey;
        if (key == null) {
            key = Gazetteer.compactKey(l.text);
            l.compactKey = key;
        }
        return key;
    }

    /** Whether the form is on any of the {@link NameWords} lists in {@code cues} (a bit mask). */
    boolean is(int cues) {
        return (lexeme().cues & cues) != 0;
    }

    /** Offset of the word in the article's text. */
    int start() {
        return start;
    }

    /**
     * End of the word in the article's text (a possessive {@code 's} that follows is not part of it):
     * its form's length on from its start, since a typographic joiner is rewritten to one character.
     */
    int end() {
        return start + lexeme.length;
    }

    /**
     * Offset in the article's text where the gap after the word starts: its end, or after a
     * possessive {@code 's} that follows it.
     */
    int gapAfter() {
        return flag(POSSESSIVE) ? end() + 2 : end();
    }

    boolean breakBefore() {
        return flag(BREAK_BEFORE);
    }

    boolean abbreviation() {
        return flag(ABBREVIATION);
    }

    /** Whether a typographic joiner inside it (’, ‐) is normalised in {@link #text()}. */
    boolean rewritten() {
        return flag(REWRITTEN);
    }

    boolean anyUpper() {
        return flag(ANY_UPPER);
    }

    /**
     * Whether an apostrophe follows the word and the word does not end in "s": the "'s" of "Murdoch's"
     * (which is not part of the word), not the plural possessive "companies'". What follows a line's
     * last word is a line break or the end of the text, never an apostrophe. {@code chars}: the
     * article's text.
     */
    boolean apostropheAfter(char[] chars) {
        int end = end();
        return end < chars.length && Tokenizer.normalise(chars[end]) == '\'' && chars[end - 1] != 's';
    }

    /** {@link Tokenizer#hash} of {@link #text()}, without the copy. */
    int textHash() {
        return lexeme.hash;
    }

    /** Starts with an upper-case letter ("Google", "GPT-4", "AI"). */
    boolean capitalised() {
        return flag(FIRST_UPPER);
    }

    /** Starts lower-case but has a capital inside, as brand names do ("iPhone", "eBay"). */
    boolean innerCapital() {
        return (flags & (ANY_UPPER | FIRST_LOWER)) == (ANY_UPPER | FIRST_LOWER);
    }

    /** All lower-case, starting with a letter: how an article writes an ordinary word. */
    boolean lowerCase() {
        return (flags & (ANY_UPPER | FIRST_LOWER)) == FIRST_LOWER;
    }

    /** Has at least two letters and none of them lower-case ("AI", "IBM", "U.S."). */
    boolean allCaps() {
        return flag(ANY_UPPER) && (lexeme().shape & Lexeme.ALL_CAPS) != 0;
    }

    /** Whether the word, folded, is the one entity rules name by {@code id} ({@link NameWords#THE} and the rest). */
    boolean isWord(int id) {
        return lexeme().wordId == id;
    }

    /** Whether the form is spelt as {@code shape} says (a {@link Lexeme#ALL_CAPS}-style bit). */
    boolean spelt(int shape) {
        return (lexeme().shape & shape) != 0;
    }

    /** Has a letter at all (so "2024" and "3.5" are not name material). */
    boolean hasLetter() {
        return flag(HAS_LETTER);
    }

    @Override
    public String toString() {
        return text();
    }
}
