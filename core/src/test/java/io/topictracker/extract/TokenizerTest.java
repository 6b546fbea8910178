package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

    private static List<String> themeTokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (Word w : Tokenizer.words(text)) {
            Tokenizer.addThemeTokens(w, tokens);
        }
        return tokens;
    }

    private static List<String> surfaces(String text) {
        return Tokenizer.words(text).stream().map(Word::text).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Open-Source                  | open sourc
            open source                  | open sourc
            OPEN SOURCE                  | open sourc
            open‐source                  | open sourc
            open–source                  | open sourc
            A.I.                         | ai
            a.i. models                  | ai model
            A.I.'s future                | ai futur
            U.S. officials               | us offici
            OpenAI’s model               | openai model
            Airbnb's Airflow             | airbnb airflow
            companies' data              | compani data
            LLMs and GPUs                | llm and gpu
            don’t                        | dont
            GPT-4                        | gpt 4
            Node.js                      | node js
            R&D                          | r d
            leaked documents             | leak document
            vulnerabilities              | vulner
            """)
    void shouldFoldSplitAndStemTokens(String text, String expected) {
        assertEquals(Arrays.asList(expected.split(" ")), themeTokens(text));
    }

    @Test
    void shouldKeepHyphensDotsAndApostrophesInsideWordsForEntities() {
        assertEquals(List.of("GPT-NeoX", "U.S.", "Node.js", "O'Brien", "AT&T"), surfaces("GPT-NeoX, U.S. Node.js O’Brien AT&T"));
    }

    @Test
    void shouldDropPossessiveS() {
        assertEquals(List.of("Airbnb", "Airflow", "A.I.", "impact"), surfaces("Airbnb's Airflow; A.I.'s impact"));
    }

    @Test
    void shouldSeparateWordsAtEmDashesButJoinThemAtHyphens() {
        assertEquals(List.of("Google", "which", "open-source"), surfaces("Google—which open-source"));
        List<Word> words = Tokenizer.words("Google—which");
        assertTrue(words.get(1).breakBefore(), "an em dash is punctuation between words");
    }

    @Test
    void shouldMarkPunctuationBetweenWordsAsABreak() {
        List<Word> words = Tokenizer.words("open. Source \"code\" companies' data");
        assertTrue(words.get(0).breakBefore(), "the first word of a line");
        assertTrue(words.get(1).breakBefore(), "after a full stop");
        assertTrue(words.get(2).breakBefore(), "after a quote mark");
        assertFalse(words.get(4).breakBefore(), "a plural possessive apostrophe is not punctuation");
    }

    @Test
    void shouldRecogniseDottedAbbreviationsOfSingleLetters() {
        List<Word> words = Tokenizer.words("A.I. e.g. Ph.D. A. Dyer");
        assertTrue(words.get(0).abbreviation());
        assertTrue(words.get(1).abbreviation());
        assertFalse(words.get(2).abbreviation(), "Ph.D has a two-letter part");
    }

    @Test
    void shouldKeepTheDotOfAMiddleInitialSoItDoesNotSplitTheName() {
        List<Word> words = Tokenizer.words("Charles A. Dyer wrote it. Plan B. then failed");
        assertEquals("A.", words.get(1).text());
        assertFalse(words.get(2).breakBefore(), "Dyer follows the initial without a break");
        assertEquals("B", words.get(6).text(), "a capital before a lower-case word is no initial");
    }

    @Test
    void shouldTokenizeTaxonomyPhrasesLikeArticleText() {
        assertEquals(Tokenizer.phraseTokens("open source"), Tokenizer.phraseTokens("open-source"));
        assertEquals(List.of("leak"), Tokenizer.phraseTokens("Leaks"));
        assertEquals(List.of(), Tokenizer.phraseTokens(" -- "));
    }

    @Test
    void shouldHashEachWordAsItsTextWhereverItSitsInTheLine() {
        // The hash is summed over the whole line and divided back out per word: joined, dotted,
        // rewritten and non-ASCII words, far into a line, must hash like their text alone.
        String line = "x ".repeat(700) + "open–source U.S. Dyer’s Zürich A. Dyer don’t e-mail 3.5 naïve";
        List<Word> words = Tokenizer.words(line);
        List<String> texts = new ArrayList<>();
        for (Word w : words.subList(700, words.size())) {
            texts.add(w.text());
            assertEquals(Tokenizer.hash(w.text()), w.textHash(), w.text());
            // A word keeps only its start: its end is its form's length on, in the line as written.
            assertEquals(w.text(), Tokenizer.normaliseAll(line.substring(w.start(), w.end())), w.text());
        }
        assertEquals(List.of("open-source", "U.S.", "Dyer", "Zürich", "A.", "Dyer", "don't", "e-mail", "3.5", "naïve"),
                texts);
        assertEquals(Tokenizer.words("Dyer").get(0).textHash(), words.get(705).textHash(), "same text, same hash");
    }

    @Test
    void shouldGiveAWordWithATypographicJoinerTheLexemeOfItsText() {
        // "don’t" is "don't": one form, whichever spelling the lexicon met first.
        List<Word> words = Tokenizer.words("don't don’t open–source open-source");
        for (int i = 0; i < words.size(); i += 2) {
            assertTrue(words.get(i).lexeme() == words.get(i + 1).lexeme(), words.get(i + 1).text());
        }
        List<Word> reversed = Tokenizer.words("it’ll it'll");
        assertTrue(reversed.get(0).lexeme() == reversed.get(1).lexeme(), "it'll");
    }

    @Test
    void shouldCallAFormNameLikeFromItsCaseAsTheWordsOfItSpellIt() {
        // Entity finding reads "name-like" from the lexeme, worked out once per form from its text; it
        // must agree with the case the tokenizer saw in each word of that form.
        String line = "Google iPhone eBay the President Dr CEO 2024 Zürich ÉCOLE naïve Ångström o1 U.S. A. x-Ray";
        for (Word w : Tokenizer.words(line)) {
            boolean expected = (w.capitalised() || w.innerCapital()) && !w.is(NameWords.TITLE_FORMS);
            assertEquals(expected, w.spelt(Lexeme.NAME_LIKE), w.text());
        }
    }

    @Test
    void shouldCallALinePlainOnlyWhenItIsPrintableAsciiSingleSpacedWithNoSpaceAtItsEnds() {
        // Page clutter skips its own normalising pass for plain lines; random lines of the characters
        // that decide it, checked against the definition.
        Random random = new Random(7);
        char[] alphabet = {'a', 'B', ' ', ' ', '.', '~', '\t', '\u007F', '\u00A0', 'é', '\u2019', '\n'};
        for (int n = 0; n < 20_000; n++) {
            char[] line = new char[random.nextInt(8)];
            for (int i = 0; i < line.length; i++) {
                line[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(line);
            boolean plain = !text.isEmpty() && !text.startsWith(" ") && !text.endsWith(" ") && !text.contains("  ")
                    && text.chars().allMatch(c -> c >= ' ' && c < 0x7F);
            assertEquals(plain, Tokenizer.scan(line, 0, line.length).plain(), '"' + text + '"');
        }
    }
}
