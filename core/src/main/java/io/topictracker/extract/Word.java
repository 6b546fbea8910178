package io.topictracker.extract;

/**
 * One word of a line as the {@link Tokenizer} cut it, before case folding: the unit both theme
 * matching (after folding, splitting and stemming) and entity finding (which needs the case) start
 * from.
 *
 * @param text the surface form with typographic quotes and hyphens normalised and a possessive
 *     {@code 's} removed; hyphens, inner dots ({@code Node.js}, {@code U.S.}) and apostrophes kept
 * @param folded {@code text} case-folded with {@code Locale.ROOT}
 * @param start offset of the word in its line
 * @param gapStart offset where the gap before this word starts (end of the previous word, possessive
 *     included, or 0)
 * @param breakBefore whether punctuation separates this word from the previous one (always true for
 *     the first word of a line): phrases and names never span such a gap
 * @param abbreviation whether the word is a dotted abbreviation of single letters ("A.I.", "U.S.")
 * @param anyUpper whether any letter is upper-case
 */
record Word(String text, String folded, int start, int gapStart, boolean breakBefore, boolean abbreviation,
        boolean anyUpper) {

    /** Starts with an upper-case letter ("Google", "GPT-4", "AI"). */
    boolean capitalised() {
        return Character.isUpperCase(text.charAt(0));
    }

    /** Starts lower-case but has a capital inside, as brand names do ("iPhone", "eBay"). */
    boolean innerCapital() {
        return anyUpper && Character.isLowerCase(text.charAt(0));
    }

    /** All lower-case, starting with a letter: how an article writes an ordinary word. */
    boolean lowerCase() {
        return !anyUpper && Character.isLowerCase(text.charAt(0));
    }

    /** Has at least two letters and none of them lower-case ("AI", "IBM", "U.S."). */
    boolean allCaps() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters >= 2;
    }

    /** Has a letter at all (so "2024" and "3.5" are not name material). */
    boolean hasLetter() {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
