package io.topictracker.extract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * This thread's table of the word forms it has seen, each a {@link Lexeme}. Most words of an article
 * are frequent words, so one probe by the word's characters (an open-addressing table: a hit copies
 * nothing out of the line) gets its text, folded form, theme tokens and name cues.
 *
 * <p>Also numbers the articles, so that per-article facts are marks on lexemes and token ids rather
 * than sets: which tokens the current article writes in lower case (entity finding asks whether a
 * capitalised word is an ordinary word of the article), and its case evidence. Each stream thread
 * has its own lexicon; what a lexeme derives from its characters depends on no taxonomy, and what it
 * remembers of a gazetteer is remembered with that gazetteer, so extractors share it. At the limit
 * (100,000 forms) it holds at most ≈ 45 MB, stemmer cache included: 42.7 MB for 95,000 random forms,
 * each its own stem ({@code bench/lexicon-memory.sh}; 38.6 MB before lexemes kept a third packed long
 * and their theme token ids, and before the gazetteer's words were looked up here too).
 */
final class Lexicon {

    /** Enough for the working vocabulary of a news stream; past it the table starts afresh. */
    private static final int LIMIT = 100_000;

    private static final ThreadLocal<Lexicon> LOCAL = ThreadLocal.withInitial(Lexicon::new);

    private Lexeme[] table = new Lexeme[1 << 14];
    private int size;

    // Each distinct token gets an id, so an article can mark the tokens it writes in lower case in an
    // array instead of a hash set.
    private final Map<String, Integer> ids = new HashMap<>(8192);
    private int[] lowerCaseMark = new int[8192];
    private int article = 1;

    private Lexicon() {}

    /** This thread's lexicon: fetch it once per article, not once per word. */
    static Lexicon local() {
        return LOCAL.get();
    }

    /**
     * Starts an article: forgets which tokens the last one wrote in lower case, and starts the table
     * afresh if it is full. Call it before the article's words are looked up, so that ids stay the
     * same within an article.
     */
    void beginArticle() {
        if (size >= LIMIT || ids.size() >= LIMIT) {
            table = new Lexeme[1 << 14];
            size = 0;
            ids.clear();
            lowerCaseMark = new int[8192];
            article = 1;
        }
        article++;
    }

    /** How many word forms the lexicon holds. */
    int size() {
        return size;
    }

    /** The number of the current article, which per-article marks compare with. */
    int article() {
        return article;
    }

    /** Notes that the article writes the tokens of {@code lexeme} in lower case. */
    void markLowerCase(Lexeme lexeme) {
        if (lexeme.tokenId >= 0) {
            lowerCaseMark[lexeme.tokenId] = article;
            return;
        }
        for (int id : lexeme.tokenIds) {
            lowerCaseMark[id] = article;
        }
    }

    /** Whether every token of {@code lexeme} is written in lower case elsewhere in this article. */
    boolean writtenLowerCase(Lexeme lexeme) {
        if (lexeme.tokenId >= 0) {
            return lowerCaseMark[lexeme.tokenId] == article;
        }
        for (int id : lexeme.tokenIds) {
            if (lowerCaseMark[id] != article) {
                return false;
            }
        }
        return true;
    }

    /**
     * The words of a line, each with the lexeme of its form, made on first sight: word i is
     * {@code chars[starts[i], ends[i])} ({@code chars} is the article's text), with the {@link Word#flags}
     * {@code flags[i]} and the {@link Tokenizer#hash} {@code hashes[i]}. The {@link Tokenizer} calls
     * this as it cuts a line, while its characters are in cache; and since every word gets its lexeme
     * as it is made, {@link Word#lexeme()} is a plain read of a final field, with no lookup path in
     * the many places that call it (a lookup compiled with its miss path is too big for the JIT to
     * inline there).
     */
    Word[] lookUp(char[] chars, int count, int[] starts, int[] ends, int[] flags, int[] hashes) {
        touch(count, hashes);
        Word[] words = new Word[count];
        for (int i = 0; i < count; i++) {
            boolean rewritten = (flags[i] & Word.REWRITTEN) != 0;
            Lexeme l = find(chars, starts[i], ends[i], rewritten, hashes[i]);
            if (l == null) {
                l = add(chars, starts[i], ends[i], flags[i], hashes[i]);
            }
            words[i] = new Word(starts[i], flags[i], l);
        }
        return words;
    }

    /**
     * The lexeme of the word {@code chars[start, end)}, whose {@link Tokenizer#hash} is {@code h}, or
     * null for a form not seen yet.
     */
    private Lexeme find(char[] chars, int start, int end, boolean rewritten, int h) {
        Lexeme[] table = this.table;
        int mask = table.length - 1;
        int i = mix(h) & mask;
        Lexeme l;
        while ((l = table[i]) != null) {
            if (l.hash == h && sameText(chars, start, end, rewritten, l)) {
                return l;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Sum of what {@link #touch} reads, kept so that the JIT cannot drop the reads. */
    private long touched;

    /**
     * Reads the table slot of each word and the start of the lexeme there, without using them: a
     * lexeme is one of thousands and often not in cache, and these reads, independent of each other
     * in a loop this small, let the CPU fetch a line's lexemes at once instead of one after the
     * other when each word is then looked up.
     */
    private void touch(int count, int[] hashes) {
        Lexeme[] table = this.table;
        int mask = table.length - 1;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            Lexeme l = table[mix(hashes[i]) & mask];
            if (l != null) {
                sum += l.head + l.hash;
            }
        }
        touched += sum;
    }

    /** Makes the lexeme of a form seen for the first time, and puts it in the table. */
    private Lexeme add(char[] chars, int start, int end, int flags, int h) {
        int mask = table.length - 1;
        int i = mix(h) & mask;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        Lexeme l = make(chars, start, end, flags, h);
        table[i] = l;
        if (++size * 2 > table.length) {
            grow();
        }
        return l;
    }

    /**
     * Whether the text of the word {@code line[start, end)} is {@code l}'s ({@code rewritten}: it has a
     * typographic joiner, which its text normalises). A word of up to eight characters is compared as two
     * packed longs, without a loop: a loop's exit, at a different length for each word, is what a
     * CPU mispredicts, and this runs for every word of every article. A longer one is compared as a
     * third long too, so that the lexeme's characters (another object, often not in cache) are read
     * only for words of more than twelve.
     */
    private static boolean sameText(char[] line, int start, int end, boolean rewritten, Lexeme l) {
        int length = end - start;
        if (rewritten) {
            // Its text has each character normalised (one for one): compare those, without copying.
            if (length != l.length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (Tokenizer.normalise(line[start + k]) != l.chars[k]) {
                    return false;
                }
            }
            return true;
        }
        return length == l.length && pack(line, start, length) == l.head
                && pack(line, start + 4, length - 4) == l.tail
                && (length <= 8 || pack(line, start + 8, length - 8) == l.more
                        && (length <= 12 || Arrays.equals(line, start, end, l.chars, 0, length)));
    }

    /** The text of the word {@code line[start, end)}: as written, or with its typographic joiners normalised. */
    static String text(char[] line, int start, int end, boolean rewritten) {
        String t = new String(line, start, end - start);
        return rewritten ? Tokenizer.normaliseAll(t) : t;
    }

    /**
     * Up to four characters {@code chars[from, from + count)} in one long (none when {@code count}
     * is 0 or less), read without a branch on {@code count}: four characters are read and what lies
     * beyond {@code count} is masked off. Near the end of the array (rarely: a word is a view into
     * its whole article) the reads are clamped into it.
     */
    static long pack(char[] chars, int from, int count) {
        long packed;
        if (from + 3 < chars.length) {
            packed = chars[from] | (long) chars[from + 1] << 16 | (long) chars[from + 2] << 32
                    | (long) chars[from + 3] << 48;
        } else {
            int last = chars.length - 1;
            packed = chars[Math.min(from, last)] | (long) chars[Math.min(from + 1, last)] << 16
                    | (long) chars[Math.min(from + 2, last)] << 32 | (long) chars[Math.min(from + 3, last)] << 48;
        }
        return packed & PACK_MASK[Math.max(0, Math.min(count, 4))];
    }

    /** The bits of 0 to 4 packed characters. */
    private static final long[] PACK_MASK = {0L, 0xFFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFF_FFFFL, -1L};

    private Lexeme make(char[] chars, int start, int end, int flags, int hash) {
        String text = text(chars, start, end, (flags & Word.REWRITTEN) != 0);
        String folded = (flags & Word.ANY_UPPER) != 0 ? text.toLowerCase(java.util.Locale.ROOT) : text;
        String[] tokens = Tokenizer.themeTokens(text, folded, (flags & Word.ABBREVIATION) != 0, Stemmer.local());
        int[] tokenIds = new int[tokens.length];
        for (int k = 0; k < tokens.length; k++) {
            tokenIds[k] = ids.computeIfAbsent(tokens[k], x -> ids.size());
            if (tokenIds[k] >= lowerCaseMark.length) {
                lowerCaseMark = Arrays.copyOf(lowerCaseMark, 2 * lowerCaseMark.length);
            }
        }
        return new Lexeme(text.toCharArray(), hash, text, folded, tokens, tokenIds, NameWords.cuesOf(text, folded));
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    private void grow() {
        Lexeme[] old = table;
        table = new Lexeme[2 * old.length];
        int mask = table.length - 1;
        for (Lexeme l : old) {
            if (l != null) {
                int i = mix(l.hash) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = l;
            }
        }
    }
}
