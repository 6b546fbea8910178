package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThemeMatchingTest {

    private static final Extractor SMALL = new Extractor(Taxonomy.parse("""
            themes:
              open-source: [open source, open-source, opensource]
              leaks: [leak, data leak, leaked document]
              security: [security, vulnerability]
              reports: [leak report]
              ai-models: [ai model, machine learning]
            ignore: [memory leak]
            """, "small.yaml"));

    private static SortedMap<String, Integer> themes(String body) {
        return SMALL.extract(null, body).themes();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "The code is open source.",
        "An open-source model.",
        "An Open-Source model.",
        "OPEN SOURCE is winning.",
        "An open‐source model (Unicode hyphen).",
        "An open–source model (en dash).",
        "They are open sourcing it.",
        "It was open-sourced last year.",
        "Opensource is one word here."
    })
    void shouldMatchHyphenSpaceAndInflectedVariantsOfAPhrase(String body) {
        assertEquals(Map.of("open-source", 1), themes(body));
    }

    @Test
    void shouldCountSpellingVariantsOfOneTaxonomyEntryOnce() {
        // "open source" and "open-source" in the taxonomy tokenize alike: one entry, one match.
        assertEquals(Map.of("open-source", 2), themes("Open source wins. The open-source way."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a leak", "two leaks", "it leaked", "it is leaking", "Leaks!"})
    void shouldMatchAcrossInflections(String body) {
        assertEquals(Map.of("leaks", 1), themes(body));
    }

    @Test
    void shouldMatchVulnerabilityAndVulnerabilities() {
        assertEquals(Map.of("security", 2), themes("One vulnerability, then more vulnerabilities."));
    }

    @Test
    void shouldLetTheLongestPhraseWinAndNotCountItsParts() {
        assertEquals(Map.of("leaks", 1), themes("A data leak."));
        assertEquals(Map.of("leaks", 1), themes("The leaked documents."));
    }

    @Test
    void shouldUseEachTokenForOneMatchOnly() {
        // "data leak" and "leak report" overlap on "leak": left to right, the first match takes it.
        assertEquals(Map.of("leaks", 1), themes("the data leak report"));
    }

    @Test
    void shouldCountEveryMatchOfEveryPhraseOfATheme() {
        assertEquals(Map.of("leaks", 3, "security", 1), themes("A leak. Another data leak. Security. A leaked document."));
    }

    @Test
    void shouldMatchDottedAbbreviations() {
        assertEquals(Map.of("ai-models", 2), themes("New A.I. models and an AI model."));
    }

    @Test
    void shouldNotMatchAcrossPunctuationOrLines() {
        assertEquals(Map.of(), themes("It is open. Source code follows."));
        assertEquals(Map.of(), themes("Keep it open\nSource: Reuters"));
        assertEquals(Map.of(), themes("machine, learning"));
    }

    @Test
    void shouldIgnorePhrasesTheTaxonomySaysToIgnore() {
        assertEquals(Map.of(), themes("A memory leak crashed the app."));
        assertEquals(Map.of("leaks", 1), themes("A memory leak, then a real leak."));
    }

    @Test
    void shouldCountTheTitleToo() {
        assertEquals(Map.of("leaks", 1, "security", 1), SMALL.extract("Leak!", "Security matters.").themes());
    }

    @Test
    void shouldCountALineRepeatedByTheScraperOnce() {
        assertEquals(Map.of("leaks", 1), themes("The leak.\nThe leak.\nThe leak."));
        assertEquals(Map.of("leaks", 1), SMALL.extract("The Leak", "# The Leak\nNothing else.").themes());
    }

    @Test
    void shouldOmitThemesWithoutMatches() {
        assertTrue(themes("Nothing relevant here.").isEmpty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Apple secured new funding.                          | security
            The Securities and Exchange Commission sued.        | security
            The most vulnerable members of society.             | security
            Next-generation chips.                              | ai-models
            AI aligns with societal values.                     | ai-safety
            A memory leak in the driver.                        | leaks
            Social Security payments rose.                      | security
            A blue chip stock.                                  | chips
            """)
    void shouldNotCountWordsThatOnlyShareAStemWithAThemePhrase(String body, String theme) {
        assertFalse(Extractor.withDefaultTaxonomy().extract(null, body).themes().containsKey(theme));
    }

    @Test
    void shouldSilenceOnlyItsOwnThemeWithAnExcludePhrase() {
        Extractor extractor = new Extractor(Taxonomy.parse("""
                themes:
                  bias:
                    phrases: [bias]
                    exclude: [easing bias, bias report]
                  reports: [report]
                """, "t.yaml"));
        assertEquals(Map.of(), extractor.extract(null, "The Fed kept its easing bias.").themes());
        assertEquals(Map.of("bias", 1), extractor.extract(null, "Bias in hiring, and an easing bias.").themes());
        // An exclude phrase silences its theme, not another theme its words signal.
        assertEquals(Map.of("reports", 1), extractor.extract(null, "A bias report came out.").themes());
    }

    /**
     * The matcher walks an article word by word and tries only the words whose form can start a
     * phrase. On random text made of the default taxonomy's words, joined by spaces, punctuation,
     * hyphens and line breaks, that must find exactly what trying every token, one token per word,
     * finds: the same matches, phrases and themes, in the same order. And so must the article path,
     * which reads each line's words where they are, one line at a time.
     */
    @Test
    void shouldFindTheSameMatchesWhenOnlyWordsThatCanStartAPhraseAreTried() {
        ThemeMatcher matcher = new ThemeMatcher(Taxonomy.loadDefault());
        List<String> vocabulary = new ArrayList<>();
        for (List<String> phrases : Taxonomy.loadDefault().themes().values()) {
            for (String phrase : phrases) {
                vocabulary.addAll(Arrays.asList(phrase.split(" ")));
            }
        }
        vocabulary.addAll(List.of("the", "of", "Open-Source", "A.I.", "data-leak", "security's", "U.S."));
        String[] gaps = {" ", " ", " ", ", ", ". ", "-", " (", "\n"};
        SplittableRandom random = new SplittableRandom(3);
        int matches = 0;
        for (int text = 0; text < 2_000; text++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 40; k++) {
                sb.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(gaps[random.nextInt(gaps.length)]);
            }
            List<String[]> words = new ArrayList<>();
            List<Boolean> breaks = new ArrayList<>();
            List<String[]> singleTokens = new ArrayList<>();
            List<Boolean> singleBreaks = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            List<String> lineByLine = new ArrayList<>();
            for (String line : sb.toString().split("\n")) {
                Word[] lineWords = Tokenizer.wordArray(line);
                List<Integer> lineStarts = new ArrayList<>();
                for (int i = 0; i < lineWords.length; i++) {
                    if (matcher.startsPhrase(lineWords[i].lexeme())) {
                        lineStarts.add(i);
                    }
                }
                lineByLine.addAll(matcher.explain(matcher.words(lineWords), ints(lineStarts), lineStarts.size()));
                for (Word w : lineWords) {
                    String[] tokens = w.lexeme().tokens;
                    if (matcher.startsPhrase(w.lexeme())) {
                        starts.add(words.size());
                    }
                    words.add(tokens);
                    breaks.add(w.breakBefore());
                    for (int t = 0; t < tokens.length; t++) {
                        singleTokens.add(new String[] {tokens[t]});
                        singleBreaks.add(t == 0 && w.breakBefore());
                    }
                }
            }
            List<String> tried = matcher.explain(
                    matcher.words(words.toArray(String[][]::new), booleans(breaks), words.size()),
                    ints(starts), starts.size());
            List<String> everyToken = matcher.explain(
                    matcher.words(singleTokens.toArray(String[][]::new), booleans(singleBreaks), singleTokens.size()),
                    ints(indexes(singleTokens.size())), singleTokens.size());
            assertEquals(everyToken, tried, sb.toString());
            // The article path: each line's words read where they are, one line at a time.
            assertEquals(tried, lineByLine, sb.toString());
            matches += tried.size();
        }
        assertTrue(matches > 1_000, "the random texts match phrases: " + matches);
    }

    private static boolean[] booleans(List<Boolean> list) {
        boolean[] out = new boolean[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> indexes(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }
}
