package io.topictracker.extract;

import java.util.Set;

/**
 * One distinct word form as the {@link Lexicon} remembers it: everything extraction derives from
 * the characters alone, worked out the first time the form is seen and shared by all its
 * occurrences, so that a frequent word costs one table probe instead of copies, case folding,
 * stemming and word-list lookups each time.
 */
final class Lexeme {

    /** The normalised characters, as {@link Word#text()} writes them (the table key). */
    final char[] chars;
    /** {@link Tokenizer#hash} of {@link #text}. */
    final int hash;
    /**
     * The length of {@link #chars}, and its first four characters, the next four and the four after,
     * packed ({@link Lexicon#pack}): what a probe compares, in the lexeme itself for words of up to 12
     * characters.
     */
    final int length;
    final long head;
    final long tail;
    final long more;
    final String text;
    /** {@link #text} case-folded with {@code Locale.ROOT}. */
    final String folded;
    /** The theme match tokens ({@link Tokenizer#themeTokens}); never modified. */
    final String[] tokens;
    /** Each token's id in its {@link Lexicon}, so an article can mark tokens in an array. */
    final int[] tokenIds;
    /**
     * The id of the one token of a one-token form (most forms), -1 otherwise: kept in the lexeme
     * itself so that marking a word reads one object, not two.
     */
    final int tokenId;
    /** {@link Gazetteer#compactKey} of {@link #text}, made when first asked. */
    String compactKey;
    /** The {@link NameWords} lists the form is on, as bits. */
    final int cues;
    /** How the form is spelt, as bits ({@link #ALL_CAPS} and the rest): entity finding's cues from spelling. */
    final int shape;
    /** {@link NameWords#wordId} of the folded form: which of the few words entity rules name it is, if any. */
    final byte wordId;
    /**
     * The {@link Gazetteer} that {@link #gazetteerEntry} belongs to: what a gazetteer says of the
     * form is remembered for the last gazetteer that was asked (there is one per taxonomy).
     */
    Object gazetteer;
    Object gazetteerEntry;
    /** The gazetteer's id of the form as a word of a known name (-1: in none). */
    int gazetteerWordId;
    /**
     * The {@link ThemeMatcher} that {@link #themeStart} and {@link #themeTokenIds} belong to, and
     * whether a token of the form starts one of its phrases.
     */
    Object themeMatcher;
    boolean themeStart;
    /** The ids {@link #themeMatcher} gives {@link #tokens} (-1: a token in none of its phrases). */
    int[] themeTokenIds;
    /** The gazetteer's entity for the form as a whole name, or null; valid when {@link #knownAsName}. */
    Object gazetteerName;
    boolean knownAsName;
    /** Whether the form names a known place's people ("Liberians"); valid when {@link #knownAsDemonym}. */
    boolean demonym;
    boolean knownAsDemonym;
    /**
     * The last article (a {@link Lexicon#article()} number) that capitalised the form in mid-sentence,
     * and the last that used it as a surname: {@link EntityFinder}'s case evidence, kept here instead
     * of in a set per article.
     */
    int midSentenceCapitalIn;
    int surnameIn;

    Lexeme(char[] chars, int hash, String text, String folded, String[] tokens, int[] tokenIds, int cues) {
        this.chars = chars;
        this.hash = hash;
        this.length = chars.length;
        this.head = chars.length == 0 ? 0 : Lexicon.pack(chars, 0, chars.length);
        this.tail = chars.length == 0 ? 0 : Lexicon.pack(chars, 4, chars.length - 4);
        this.more = chars.length == 0 ? 0 : Lexicon.pack(chars, 8, chars.length - 8);
        this.text = text;
        this.folded = folded;
        this.tokens = tokens;
        this.tokenIds = tokenIds;
        this.tokenId = tokens.length == 1 ? tokenIds[0] : -1;
        this.cues = cues;
        this.shape = shapeOf(text, cues);
        this.wordId = (byte) NameWords.wordId(folded);
    }

    /** At least two letters and none of them lower-case ("AI", "IBM", "U.S."). */
    static final int ALL_CAPS = 1;
    /** A capital right after a lower-case letter: "CloudiTwins", "EleutherAI", "iPhone". */
    static final int BRAND_LIKE = 2;
    /** A capital after the first letter that no surname prefix explains: "EMarketer", "TiVo", not "McDonald". */
    static final int INNER_CAPITALS = 4;
    /** One to three digits and nothing else: "21", "3". */
    static final int SHORT_NUMBER = 8;
    /**
     * Can be part of a name: capitalised ("Google") or a lower-case start with a capital inside
     * ("iPhone"), and no title as written ("President", "Dr").
     */
    static final int NAME_LIKE = 16;

    private static int shapeOf(String text, int cues) {
        int letters = 0;
        boolean anyUpper = false;
        boolean lower = false;
        boolean brandLike = false;
        int firstInnerCapital = -1;
        boolean digits = !text.isEmpty() && text.length() <= 3;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean upper = Character.isUpperCase(c);
            anyUpper |= upper;
            lower |= Character.isLowerCase(c);
            letters += Character.isLetter(c) ? 1 : 0;
            brandLike |= upper && i > 0 && Character.isLowerCase(text.charAt(i - 1));
            if (upper && i > 0 && firstInnerCapital < 0) {
                firstInnerCapital = i;
            }
            digits &= Character.isDigit(c);
        }
        boolean innerCapitals = firstInnerCapital > 0 && !SURNAME_PREFIXES.contains(text.substring(0, firstInnerCapital));
        // A word's first character is a letter or digit, which its text does not rewrite.
        char first = text.isEmpty() ? ' ' : text.charAt(0);
        boolean nameLike = (Character.isUpperCase(first) || (anyUpper && Character.isLowerCase(first)))
                && (cues & NameWords.TITLE_FORMS) == 0;
        return (!lower && letters >= 2 ? ALL_CAPS : 0) | (brandLike ? BRAND_LIKE : 0)
                | (innerCapitals ? INNER_CAPITALS : 0) | (digits ? SHORT_NUMBER : 0) | (nameLike ? NAME_LIKE : 0);
    }

    /** What may come before a capital inside a surname: "McDonald", "O'Brien", "DeLuca", "VanDyke". */
    private static final Set<String> SURNAME_PREFIXES = Set.of("Mc", "Mac", "O'", "De", "Di", "La", "Le", "Van");
}
