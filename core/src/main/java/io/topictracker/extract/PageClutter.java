package io.topictracker.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes the lines of a scraped page that are not the article: navigation, tag clouds, archive
 * lists, share buttons, bylines, footers, HTML debris and repeated lines. Runs before theme matching
 * and entity finding, so a blog's tag cloud ("Privacy Security Google ...") is not read as the
 * article talking about privacy.
 *
 * <p>Deliberately conservative: each rule describes chrome by its shape (short, no sentence,
 * known wording), so article sentences and headings survive.
 */
public final class PageClutter {

    private static final Set<String> NAVIGATION = Set.of(
            "skip to content", "skip to main content", "skip to navigation", "skip to footer",
            "menu", "main menu", "open menu", "close menu", "toggle navigation", "navigation",
            "search", "search for", "search this site", "home", "close",
            "leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply",
            "comments", "related", "related posts", "related articles", "related stories",
            "read more", "continue reading", "original article", "advertisement", "sponsored",
            "subscribe", "sign in", "log in", "login", "sign up", "register", "back to top",
            "share", "share this", "share this article", "share this post", "print",
            "previous post", "next post", "newer posts", "older posts", "archives", "categories",
            "tags", "recent posts", "recent comments", "follow us", "cookie settings",
            "accept cookies", "cookie policy", "privacy policy", "terms of service", "terms of use",
            "terms and conditions", "contact", "contact us", "about", "about us", "you may also like");

    /** The longest {@link #NAVIGATION} line: longer lines need no lookup. */
    private static final int NAVIGATION_LONGEST = NAVIGATION.stream().mapToInt(String::length).max().orElse(0);

    private static final Set<String> SOCIAL = Set.of(
            "facebook", "twitter", "x", "linkedin", "reddit", "email", "e-mail", "mail", "whatsapp",
            "telegram", "pinterest", "tumblr", "mastodon", "bluesky", "threads", "instagram",
            "youtube", "tiktok", "print", "copy", "link", "pocket", "flipboard", "share", "tweet",
            "sms", "messenger", "wechat", "weibo", "rss", "hacker", "news", "hn");

    /** Lines that start the tail of a page (sharing, comments, author box) rather than its story. */
    private static final Prefixes TAIL_MARKERS = new Prefixes(
            "share on", "share this", "share via", "leave a reply", "leave a comment", "about the author",
            "related posts", "related articles", "related stories", "you may also like", "more from",
            "recommended for you");

    private static final Prefixes CAPTION_PREFIXES = new Prefixes(
            "image prompt:", "image:", "photo:", "picture:", "caption:", "credit:", "image credit",
            "photo credit", "image source", "photo by ", "image by ", "image via ", "photo via ",
            "featured image");

    private static final Prefixes PROMO_PREFIXES = new Prefixes(
            "get the latest", "sign up for", "subscribe to", "subscribe for", "follow us on",
            "join our newsletter");

    /** "Share on Social Media", "Share this:". */
    private static final Prefixes SHARE_PREFIXES = new Prefixes("share on ", "share this", "share via ", "share:");

    private static final Prefixes TAG_PREFIXES = new Prefixes(
            "tags:", "tagged:", "tagged with", "categories:", "filed under");

    private static final Prefixes BYLINE_PREFIXES = new Prefixes(
            "posted on ", "posted by ", "published on ", "published by ", "updated on ", "last updated");

    private static final Prefixes COPYRIGHT_PREFIXES = new Prefixes("\u00A9", "(c) ", "copyright \u00A9");

    private static final List<String> MONTHS = List.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december");

    /** A tail after a marker is cut only when it is this small a share of the kept text. */
    private static final double TAIL_SHARE = 0.2;

    private PageClutter() {}

    /** The article text of {@code text}, one kept line per line, trimmed, blank lines dropped. */
    public static List<String> keptLines(String text) {
        // An article of its own for this thread's lexicon, which looks up the words as lines are cut
        // (and starts afresh at its limit only between articles).
        Lexicon.local().beginArticle();
        return kept(text).lines();
    }

    /**
     * The kept lines of a text, where each starts in it (so callers can point back into the text),
     * and the words of each, cut by the {@link Tokenizer} in the pass that judged the line; the
     * text's characters, which the starts and the words' positions index.
     */
    record Kept(List<String> lines, int[] starts, List<Word[]> words, char[] chars) {}

    /** {@link #keptLines} with the offset of each kept line in {@code text}. */
    static Kept kept(String text) {
        char[] cs = text.toCharArray();
        List<String> kept = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Word[]> words = new ArrayList<>();
        List<Integer> tailMarkers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<LongLine> seenLong = new HashSet<>();
        Tokenizer.Runs runs = Tokenizer.Runs.local();
        Lexicon lexicon = Lexicon.local();
        int n = cs.length;
        int start = 0;
        // Line ends are found with String#indexOf, which the JVM runs vectorised; each kind of line end
        // is looked up again only once a line passes the last one found.
        int newline = text.indexOf('\n');
        int carriageReturn = text.indexOf('\r');
        while (start <= n) {
            if (newline >= 0 && newline < start) {
                newline = text.indexOf('\n', start);
            }
            if (carriageReturn >= 0 && carriageReturn < start) {
                carriageReturn = text.indexOf('\r', start);
            }
            int end = newline >= 0 ? newline : n;
            if (carriageReturn >= 0 && carriageReturn < end) {
                end = carriageReturn;
            }
            int a = start;
            int b = end;
            start = end + 1;
            while (a < b && Character.isWhitespace(cs[a])) {
                a++;
            }
            while (b > a && Character.isWhitespace(cs[b - 1])) {
                b--;
            }
            if (a == b) {
                continue;
            }
            String line = text.substring(a, b);
            Tokenizer.Scan shape = Tokenizer.scan(runs, lexicon, cs, a, b);
            if (shape.chunks() > SHORT_LINE_WORDS) {
                // Most of an article's bytes are long prose lines: check them cheaply, and as written,
                // since a long line that repeats does so verbatim.
                if (!isLongLineClutter(line, shape) && seenLong.add(new LongLine(line, cs, a, b))) {
                    kept.add(line);
                    starts.add(a);
                    words.add(shape.words());
                }
                continue;
            }
            String norm = normalise(line, shape);
            ShortLine shortLine = new ShortLine(norm);
            if (shape.chunks() <= 8 && isTailMarker(shortLine)) {
                tailMarkers.add(kept.size());
            }
            if (!isShortLineClutter(line, shortLine, shape) && seen.add(dedupKey(norm))) {
                kept.add(line);
                starts.add(a);
                words.add(shape.words());
            }
        }
        int count = cutTail(kept, tailMarkers);
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = starts.get(i);
        }
        return count == kept.size()
                ? new Kept(kept, offsets, words, cs)
                : new Kept(kept.subList(0, count), offsets, words.subList(0, count), cs);
    }

    /** {@link #keptLines} joined with newlines. */
    public static String strip(String text) {
        return String.join("\n", keptLines(text));
    }

    /** Whether one line on its own is page chrome (the repeated-line and tail rules need context). */
    public static boolean isClutter(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return true;
        }
        Lexicon.local().beginArticle(); // as in keptLines
        Tokenizer.Scan shape = Tokenizer.scan(trimmed.toCharArray(), 0, trimmed.length());
        return shape.chunks() > SHORT_LINE_WORDS
                ? isLongLineClutter(trimmed, shape)
                : isShortLineClutter(trimmed, new ShortLine(normalise(trimmed, shape)), shape);
    }

    /**
     * A short line's normalised text with its bullet stripped, and then its trailing punctuation
     * ({@code bare}), which the tail-marker and clutter rules both read; whether it is nothing but
     * share-button labels is worked out once, when first asked.
     */
    private static final class ShortLine {
        final String norm;
        final String unbulleted;
        final String bare;
        private int social = -1;

        ShortLine(String norm) {
            this.norm = norm;
            this.unbulleted = stripBullet(norm);
            this.bare = stripTrailingPunctuation(unbulleted);
        }

        boolean social() {
            if (social < 0) {
                social = isSocialLine(bare) ? 1 : 0;
            }
            return social == 1;
        }
    }

    /** Lines longer than this are prose unless a few long-line rules say otherwise. */
    private static final int SHORT_LINE_WORDS = 30;

    /**
     * A long line as a set element: equal by its text, hashed by its length and its first and last
     * characters, so that telling lines apart does not cost a pass over all their characters.
     */
    private static final class LongLine {
        private final String text;
        private final int hash;

        LongLine(String text, char[] chars, int from, int to) {
            this.text = text;
            int h = to - from;
            for (int i = from; i < Math.min(to, from + 16); i++) {
                h = 31 * h + chars[i];
            }
            for (int i = Math.max(from, to - 16); i < to; i++) {
                h = 31 * h + chars[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LongLine other && other.hash == hash && other.text.equals(text);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static boolean isLongLineClutter(String line, Tokenizer.Scan shape) {
        if (shape.markup() && isMarkup(normalise(line, shape))) {
            return true;
        }
        return (shape.chunks() <= 80 && mayStartCaption(line.charAt(0))
                        && CAPTION_PREFIXES.start(normalise(line.substring(0, Math.min(line.length(), 24)))))
                || (!shape.sentenceEnd() && isTagCloud(shape.words()));
    }

    /** Whether a line starting with {@code c} can start with one of the {@link #CAPTION_PREFIXES}. */
    private static boolean mayStartCaption(char c) {
        // Caption prefixes start with c, f, i or p; a non-ASCII first character is left to normalise.
        char lower = (char) (c | 0x20);
        return c >= 0x80 || lower == 'c' || lower == 'f' || lower == 'i' || lower == 'p';
    }

    private static boolean isShortLineClutter(String line, ShortLine shortLine, Tokenizer.Scan shape) {
        if (!shape.letter()) {
            return true; // "*****", "###", "1."
        }
        if (shape.markup() && isMarkup(shortLine.norm)) {
            return true;
        }
        String bare = shortLine.bare;
        if (bare.length() <= NAVIGATION_LONGEST && NAVIGATION.contains(bare)) {
            return true;
        }
        // Words of the normalised line: it has single spaces, so one more than its spaces.
        int words = 1;
        for (int i = bare.indexOf(' '); i >= 0; i = bare.indexOf(' ', i + 1)) {
            words++;
        }
        if (startsWithBullet(line) && words <= 2 && !hasSentencePunctuation(bare)) {
            return true; // "• Home", "• Engage"
        }
        if (words >= 2 && words <= 4 && isArchiveDate(bare.split(" "))) {
            return true;
        }
        if (words <= 8 && shortLine.social()) {
            return true;
        }
        if (words <= 6 && SHARE_PREFIXES.start(bare)) {
            return true;
        }
        if (isByline(bare, shape.words(), words)) {
            return true;
        }
        if (isFooter(bare, words)) {
            return true;
        }
        if (CAPTION_PREFIXES.start(bare) || TAG_PREFIXES.start(bare)) {
            return true;
        }
        if (PROMO_PREFIXES.start(bare) && words <= 15 && bare.indexOf('.') < 0) {
            return true;
        }
        return !shape.sentenceEnd() && shape.chunks() >= 15 && isTagCloud(shape.words());
    }

    /** {@link #normalise(String)} of a line whose characters {@code shape} describes. */
    private static String normalise(String line, Tokenizer.Scan shape) {
        // Most lines: the tokenizer's pass found nothing to do but lower-case.
        return shape.plain() ? line.toLowerCase(Locale.ROOT) : normalise(line);
    }

    /** Lower-cased, whitespace collapsed, typographic quotes and dashes normalised. */
    private static String normalise(String line) {
        if (plainAscii(line)) {
            return line.toLowerCase(Locale.ROOT); // most lines: nothing to do but lower-case
        }
        char[] out = new char[line.length()];
        int n = 0;
        boolean space = false;
        boolean ascii = true;
        for (int i = 0; i < line.length(); i++) {
            char c = Tokenizer.normalise(line.charAt(i));
            if (c < 0x80 ? c == ' ' || (c <= '\r' && c >= '\t') || (c >= '\u001C' && c <= '\u001F')
                    : Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && n > 0) {
                out[n++] = ' ';
            }
            space = false;
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            } else if (c >= 0x80) {
                ascii = false;
            }
            out[n++] = c;
        }
        String s = new String(out, 0, n);
        // ASCII is folded above; the rest (with Unicode's special cases) by String#toLowerCase.
        return ascii ? s : s.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code line} is printable ASCII with single spaces between words, nothing at its ends. */
    private static boolean plainAscii(String line) {
        int n = line.length();
        if (n == 0 || line.charAt(0) == ' ' || line.charAt(n - 1) == ' ') {
            return false;
        }
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c < ' ' || c >= 0x7F || (c == ' ' && space)) {
                return false;
            }
            space = c == ' ';
        }
        return true;
    }

    /** Headings repeat with Markdown marks or bullets in front ("# Title" after the title). */
    private static String dedupKey(String norm) {
        int i = 0;
        while (i < norm.length() && (norm.charAt(i) == '#' || isBulletChar(norm.charAt(i)) || norm.charAt(i) == ' ')) {
            i++;
        }
        return norm.substring(i);
    }

    private static boolean isBulletChar(char c) {
        return c == '\u2022' || c == '\u00B7' || c == '\u25AA' || c == '\u25AB' || c == '\u25E6' || c == '\u2023'
                || c == '\u25BA' || c == '\u25B8' || c == '*' || c == '-' || c == '|';
    }

    private static boolean startsWithBullet(String line) {
        return isBulletChar(Tokenizer.normalise(line.charAt(0)));
    }

    private static String stripBullet(String norm) {
        int i = 0;
        while (i < norm.length() && (isBulletChar(norm.charAt(i)) || norm.charAt(i) == ' ')) {
            i++;
        }
        return norm.substring(i);
    }

    private static String stripTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ":.!|›»>".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end).strip();
    }

    private static boolean hasSentencePunctuation(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == ',') {
                return true;
            }
        }
        return false;
    }

    /** Markup that leaked through an HTML-to-text step, or a static-site shortcode. */
    private static boolean isMarkup(String norm) {
        return norm.contains("/>") || norm.contains("</") || norm.contains("<img") || norm.contains("<a ")
                || norm.contains("src=\"") || norm.contains("alt=\"") || norm.contains("class=\"")
                || norm.contains("href=") || norm.contains("wp-image-") || norm.startsWith("{{<")
                || norm.startsWith("{{%") || norm.startsWith("[caption");
    }

    /** "April 2025", "November 2024 (3)", "February 6, 2024": archive lists and date stamps. */
    private static boolean isArchiveDate(String[] words) {
        if (words.length < 2 || words.length > 4 || !MONTHS.contains(words[0])) {
            return false;
        }
        int k = 1;
        if (words.length >= 3 && isNumber(stripTrailingComma(words[1]), 1, 2)) {
            k = 2;
        }
        if (!isNumber(words[k], 4, 4)) {
            return false;
        }
        if (k + 1 == words.length) {
            return true;
        }
        String count = words[k + 1];
        return k + 2 == words.length && count.length() > 2 && count.startsWith("(") && count.endsWith(")")
                && isNumber(count.substring(1, count.length() - 1), 1, 6);
    }

    private static String stripTrailingComma(String s) {
        return s.endsWith(",") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean isNumber(String s, int minDigits, int maxDigits) {
        if (s.length() < minDigits || s.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "linkedin x facebook reddit email": nothing but share-button labels. */
    private static boolean isSocialLine(String bare) {
        int count = 0;
        int i = 0;
        int n = bare.length();
        while (i < n) {
            while (i < n && isSocialSeparator(bare.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSocialSeparator(bare.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (!SOCIAL.contains(bare.substring(start, i))) {
                    return false;
                }
                count++;
            }
        }
        return count > 0;
    }

    private static boolean isSocialSeparator(char c) {
        return c == ' ' || c == '|' || c == '/' || c == '\u2022' || c == '\u00B7';
    }

    /** "Posted on February 6, 2024 by Charles Dyer", "By Jane Doe". */
    private static boolean isByline(String bare, Word[] lineWords, int words) {
        if (BYLINE_PREFIXES.start(bare) && words <= 20) {
            return true;
        }
        if (bare.startsWith("by ") && words <= 5 && !hasSentencePunctuation(bare)) {
            // Only a run of names: "By 2030 most cars ..." is a sentence.
            for (int i = 1; i < lineWords.length; i++) {
                if (!lineWords[i].capitalised()) {
                    return false;
                }
            }
            return lineWords.length > 1;
        }
        return false;
    }

    private static boolean isFooter(String bare, int words) {
        if (COPYRIGHT_PREFIXES.start(bare)
                || (bare.startsWith("copyright ") && bare.matches("copyright (\\(c\\) )?\\d{4}.*"))) {
            return true;
        }
        if (bare.contains("all rights reserved")) {
            return true;
        }
        if (bare.contains("| powered by") || bare.contains("proudly powered by")) {
            return true;
        }
        return bare.startsWith("powered by") && words <= 8 && bare.indexOf(',') < 0;
    }

    /**
     * A long line of capitalised topic names (the caller has checked it has no sentence punctuation).
     * Long because a headline in title case looks the same for its first dozen words.
     */
    private static boolean isTagCloud(Word[] words) {
        if (words.length < 15) {
            return false;
        }
        int capitalised = 0;
        int alphabetic = 0;
        for (Word w : words) {
            if (w.hasLetter()) {
                alphabetic++;
                if (w.capitalised()) {
                    capitalised++;
                }
            }
        }
        return alphabetic >= 15 && capitalised >= 0.9 * alphabetic;
    }

    private static boolean isTailMarker(ShortLine line) {
        if (line.social()) {
            return true;
        }
        return TAIL_MARKERS.start(line.unbulleted) && line.unbulleted.split(" ").length <= 6;
    }

    /**
     * Phrases a line may start with, kept by their first character: a short line is checked against
     * some fifty of them, and it shares its first character with few.
     */
    private static final class Prefixes {
        private final String[][] byFirst = new String[128][];
        private final String[] nonAscii;

        Prefixes(String... prefixes) {
            List<String> other = new ArrayList<>();
            for (String p : prefixes) {
                char c = p.charAt(0);
                if (c < 128) {
                    String[] same = byFirst[c] == null ? new String[0] : byFirst[c];
                    byFirst[c] = Arrays.copyOf(same, same.length + 1);
                    byFirst[c][same.length] = p;
                } else {
                    other.add(p);
                }
            }
            nonAscii = other.toArray(new String[0]);
        }

        /** Whether {@code s} starts with one of the phrases. */
        boolean start(String s) {
            if (s.isEmpty()) {
                return false;
            }
            char c = s.charAt(0);
            String[] candidates = c < 128 ? byFirst[c] : nonAscii;
            if (candidates != null) {
                for (String p : candidates) {
                    if (s.startsWith(p)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * How many kept lines stay: everything after the first share/comments/author-box marker goes when
     * what follows is a small part of the page, since the author bio and "related" teasers there are
     * about other things.
     */
    private static int cutTail(List<String> kept, List<Integer> markers) {
        if (markers.isEmpty()) {
            return kept.size();
        }
        int total = 0;
        int[] suffix = new int[kept.size() + 1];
        for (int i = kept.size() - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + kept.get(i).length();
        }
        total = suffix[0];
        for (int m : markers) {
            if (m > 0 && suffix[m] <= TAIL_SHARE * total) {
                return m;
            }
        }
        return kept.size();
    }
}
