package io.topictracker.extract;

import java.util.Arrays;
import java.util.Locale;

/**
 * One word of a line as the {@link Tokenizer} cut it, before case folding: the unit both theme
 * matching (after folding, splitting and stemming) and entity finding (which needs the case) start
 * from. A view into the line: its text is only copied out when asked for, because most words of an
 * article are looked up by their characters and never needed as a string.
 */
final class Word {

    private final char[] line;
    private final int start;
    private final int end;
    private final int gapStart;
    private final boolean breakBefore;
    private final boolean abbreviation;
    private final boolean anyUpper;
    private final boolean rewritten;
    private final int hash;
    private String text;
    private String folded;
    /** {@link EntityFinder}'s verdict on whether the word can be part of a name: 0 not yet asked, 1 yes, 2 no. */
    byte nameLike;

    /**
     * @param line the characters of the line the word is in (shared by its words, never modified)
     * @param start offset of the word in its line
     * @param end end of the word in its line (a possessive {@code 's} is not part of it)
     * @param gapStart offset where the gap before this word starts (end of the previous word,
     *     possessive included, or 0)
     * @param breakBefore whether punctuation separates this word from the previous one (always true
     *     for the first word of a line): phrases and names never span such a gap
     * @param abbreviation whether the word is a dotted abbreviation of single letters ("A.I.", "U.S.")
     * @param anyUpper whether any letter is upper-case
     * @param rewritten whether a typographic joiner inside it (’, ‐) is normalised in {@link #text()}
     * @param hash {@link String#hashCode()} of the characters {@code [start, end)} of the line
     */
    Word(char[] line, int start, int end, int gapStart, boolean breakBefore, boolean abbreviation, boolean anyUpper,
            boolean rewritten, int hash) {
        this.line = line;
        this.start = start;
        this.end = end;
        this.gapStart = gapStart;
        this.breakBefore = breakBefore;
        this.abbreviation = abbreviation;
        this.anyUpper = anyUpper;
        this.rewritten = rewritten;
        this.hash = hash;
    }

    /**
     * The surface form with typographic quotes and hyphens normalised and a possessive {@code 's}
     * removed; hyphens, inner dots ({@code Node.js}, {@code U.S.}) and apostrophes kept.
     */
    String text() {
        String t = text;
        if (t == null) {
            t = new String(line, start, end - start);
            if (rewritten) {
                t = Tokenizer.normaliseAll(t);
            }
            text = t;
        }
        return t;
    }

    /** {@link #text()} case-folded with {@code Locale.ROOT}. */
    String folded() {
        String f = folded;
        if (f == null) {
            f = anyUpper ? text().toLowerCase(Locale.ROOT) : text();
            folded = f;
        }
        return f;
    }

    int start() {
        return start;
    }

    int length() {
        return end - start;
    }

    int gapStart() {
        return gapStart;
    }

    boolean breakBefore() {
        return breakBefore;
    }

    boolean abbreviation() {
        return abbreviation;
    }

    boolean anyUpper() {
        return anyUpper;
    }

    /** Whether {@link #text()} is {@code s}, compared on the line's characters without copying them. */
    boolean textEquals(String s) {
        if (rewritten) {
            return text().equals(s);
        }
        int len = end - start;
        if (s.length() != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (line[start + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #text()} has the characters {@code chars}, without copying them. */
    boolean textEquals(char[] chars) {
        if (rewritten) {
            return text().contentEquals(java.nio.CharBuffer.wrap(chars));
        }
        int len = end - start;
        if (chars.length != len) {
            return false;
        }
        // A plain loop: words are short, and this beats the set-up of a vectorised compare.
        for (int k = 0; k < len; k++) {
            if (line[start + k] != chars[k]) {
                return false;
            }
        }
        return true;
    }

    /** The characters of {@link #text()}, in a new array. */
    char[] textChars() {
        return rewritten ? text().toCharArray() : Arrays.copyOfRange(line, start, end);
    }

    /** Same as {@code text().hashCode()}, without the copy. */
    int textHash() {
        return rewritten ? text().hashCode() : hash;
    }

    private char first() {
        return line[start];
    }

    /** Starts with an upper-case letter ("Google", "GPT-4", "AI"). */
    boolean capitalised() {
        return anyUpper && Character.isUpperCase(first());
    }

    /** Starts lower-case but has a capital inside, as brand names do ("iPhone", "eBay"). */
    boolean innerCapital() {
        return anyUpper && Character.isLowerCase(first());
    }

    /** All lower-case, starting with a letter: how an article writes an ordinary word. */
    boolean lowerCase() {
        return !anyUpper && Character.isLowerCase(first());
    }

    /** Has at least two letters and none of them lower-case ("AI", "IBM", "U.S."). */
    boolean allCaps() {
        if (!anyUpper) {
            return false;
        }
        int letters = 0;
        for (int i = start; i < end; i++) {
            char c = line[i];
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
        for (int i = start; i < end; i++) {
            if (Character.isLetter(line[i])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text();
    }
}
