package io.topictracker.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextArticlesTest {

    @Test
    void shouldReadUnquotedYamlDateAsStartOfDayUtc() {
        TextArticles.Parsed parsed = parsed("---\ntitle: T\ndate: 2022-11-23\n---\nBody\n");

        assertEquals(Instant.parse("2022-11-23T00:00:00Z"), parsed.publishedAt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2022-11-23T10:00:00Z         | 2022-11-23T10:00:00Z
            2022-11-23T10:00:00+01:00    | 2022-11-23T09:00:00Z
            2022-11-23T10:00:00          | 2022-11-23T10:00:00Z
            2022-11-23 10:00:00 +0100    | 2022-11-23T09:00:00Z
            2022-11-23 10:00:00 +01:00   | 2022-11-23T09:00:00Z
            2022-11-23 10:00:00.5 -05:00 | 2022-11-23T15:00:00.5Z
            2022-11-23 10:00             | 2022-11-23T10:00:00Z
            """)
    void shouldAcceptIsoAndJekyllStyleFrontMatterDates(String date, String expected) {
        TextArticles.Parsed parsed = parsed("---\ndate: " + date + "\n---\nTitle\nBody\n");

        assertEquals(Instant.parse(expected), parsed.publishedAt());
    }

    @Test
    void shouldPreferPublishedAtOverDate() {
        TextArticles.Parsed parsed = parsed("---\ndate: 2020-01-01\npublishedAt: 2021-06-01T12:00:00Z\n---\nBody\n");

        assertEquals(Instant.parse("2021-06-01T12:00:00Z"), parsed.publishedAt());
    }

    @Test
    void shouldReportUnparseableDateOnItsLine() {
        TextArticles.Failed failed = failed("---\ntitle: T\nauthor: A\ndate: next Tuesday\n---\nBody\n");

        assertEquals(4, failed.line());
        assertEquals("front matter field 'date' is not a date or timestamp: 'next Tuesday'"
                + " (expected e.g. 2024-02-06 or 2024-02-06T10:00:00Z)", failed.message());
    }

    @Test
    void shouldReadFrontMatterKeysWhateverTheirCase() {
        TextArticles.Parsed parsed = parsed("---\nTitle: Upper\nAuthor: Someone\nID: x-1\n---\nBody\n");

        assertEquals("Upper", parsed.title());
        assertEquals("Someone", parsed.author());
        assertEquals("x-1", parsed.id());
    }

    @Test
    void shouldTakeTitleFromFirstBodyLineWhenFrontMatterHasNoneSkippingRules() {
        TextArticles.Parsed parsed = parsed("---\nauthor: A\n---\n*****\n## The Heading ##\n\nText\n");

        assertEquals("The Heading", parsed.title());
        assertEquals("*****\n## The Heading ##\n\nText", parsed.body(), "the body is kept as written");
    }

    @Test
    void shouldAllowEmptyFrontMatter() {
        TextArticles.Parsed parsed = parsed("---\n---\nTitle\nBody\n");

        assertEquals("Title", parsed.title());
        assertNull(parsed.author());
    }

    @Test
    void shouldTreatNonTextScalarsAsTextAndBlankValuesAsAbsent() {
        TextArticles.Parsed parsed = parsed("---\nid: 12345\ntitle: 2024\nauthor: \"  \"\nsource:\n---\nBody\n");

        assertEquals("12345", parsed.id());
        assertEquals("2024", parsed.title());
        assertNull(parsed.author());
        assertNull(parsed.source());
    }

    @Test
    void shouldReportListWhereSingleValueIsExpected() {
        TextArticles.Failed failed = failed("---\ntitle: T\nauthor:\n  - Ann\n  - Bo\n---\nBody\n");

        assertEquals(3, failed.line());
        assertEquals("front matter field 'author' must be a single value, not a YAML array", failed.message());
    }

    @Test
    void shouldReportFrontMatterThatIsNotKeyValuePairs() {
        TextArticles.Failed failed = failed("---\n- just\n- a list\n---\nBody\n");

        assertEquals(2, failed.line());
        assertEquals("front matter must be 'key: value' lines, not a YAML array", failed.message());
    }

    @Test
    void shouldPointAtUnclosedQuoteInFrontMatter() {
        TextArticles.Failed failed = failed("---\ntitle: \"Oops\nauthor: A\n---\nBody\n");

        assertTrue(failed.message().startsWith("front matter is not valid YAML: "), failed.message());
        assertTrue(failed.message().contains("quoted scalar that starts on line 2"), failed.message());
    }

    @Test
    void shouldAcceptDotsAsFrontMatterEnd() {
        assertEquals("Pandoc", parsed("---\ntitle: Pandoc\n...\nBody\n").title());
    }

    @Test
    void shouldReportFrontMatterWithoutBody() {
        TextArticles.Failed failed = failed("---\ntitle: Only metadata\n---\n\n");

        assertEquals(new TextArticles.Failed(0, "file has front matter but no body after it"), failed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "# Title"          | Title
            "### Title ###"    | Title
            "   Title   "      | Title
            "#hashtag trends"  | #hashtag trends
            "####### Seven"    | ####### Seven
            """)
    void shouldStripMarkdownHeadingMarksFromPlainTitle(String firstLine, String title) {
        assertEquals(title, parsed(firstLine + "\nBody\n").title());
    }

    @Test
    void shouldDropSetextUnderlineFromPlainBody() {
        TextArticles.Parsed parsed = parsed("The Title\n=========\n\nBody text\n");

        assertEquals("The Title", parsed.title());
        assertEquals("Body text", parsed.body());
    }

    @Test
    void shouldSkipLeadingBlankAndRuleLinesBeforePlainTitle() {
        TextArticles.Parsed parsed = parsed("\n\n* * *\nReal title\nReal body\n");

        assertEquals("Real title", parsed.title());
        assertEquals("Real body", parsed.body());
    }

    @Test
    void shouldReportTextOfOnlyRules() {
        assertEquals(new TextArticles.Failed(0, "file has no text, only separator lines"), failed("*****\n---\n"));
    }

    private static TextArticles.Parsed parsed(String text) {
        return assertInstanceOf(TextArticles.Parsed.class, TextArticles.parse(lines(text), "file"));
    }

    private static TextArticles.Failed failed(String text) {
        return assertInstanceOf(TextArticles.Failed.class, TextArticles.parse(lines(text), "file"));
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }
}
