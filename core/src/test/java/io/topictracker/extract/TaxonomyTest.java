package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaxonomyTest {

    @Test
    void shouldShipADefaultTaxonomyWithTheThemesTechNewsNeeds() {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        for (String theme : List.of("open-source", "leaks", "security", "regulation", "ethics", "privacy", "bias",
                "cyberattacks", "ai-models", "big-tech", "misinformation", "antitrust", "layoffs", "funding", "chips",
                "cloud", "crypto", "climate-energy", "jobs-automation", "copyright", "surveillance", "elections",
                "robotics", "healthcare", "education", "quantum")) {
            assertTrue(taxonomy.hasTheme(theme), theme);
        }
        assertFalse(taxonomy.hasTheme("leak"));
    }

    @Test
    void shouldReadThemesIgnoreAndEntities() {
        Taxonomy taxonomy = Taxonomy.parse("""
                version: 2
                themes:
                  leaks: [leak, data leak]
                  open-source:
                    - open source
                ignore: [memory leak]
                entities:
                  ORG: [Acme Corp|Acme]
                  PERSON: [Jane Doe]
                """, "my.yaml");
        assertEquals(Map.of("leaks", List.of("leak", "data leak"), "open-source", List.of("open source")), taxonomy.themes());
        assertEquals(List.of("leaks", "open-source"), List.copyOf(taxonomy.themes().keySet()));
        assertEquals(List.of("memory leak"), taxonomy.ignore());
        assertEquals(Map.of(EntityType.ORG, List.of("Acme Corp|Acme"), EntityType.PERSON, List.of("Jane Doe")),
                taxonomy.entities());
        assertEquals("my.yaml", taxonomy.sourceName());
        assertEquals("2", taxonomy.version());
        assertEquals(Map.of("leaks", List.of(), "open-source", List.of()), taxonomy.excludes());
    }

    @Test
    void shouldReadAThemeWrittenAsAMappingWithExcludePhrases() {
        Taxonomy taxonomy = Taxonomy.parse("""
                version: "2024-06"
                themes:
                  bias:
                    phrases: [bias, algorithmic bias]
                    exclude: [easing bias]
                  leaks: [leak]
                """, "my.yaml");
        assertEquals(Map.of("bias", List.of("bias", "algorithmic bias"), "leaks", List.of("leak")), taxonomy.themes());
        assertEquals(Map.of("bias", List.of("easing bias"), "leaks", List.of()), taxonomy.excludes());
        assertEquals("2024-06", taxonomy.version());
    }

    @Test
    void shouldVersionAFileWithoutAVersionByItsContent() {
        Taxonomy a = Taxonomy.parse("themes:\n  leaks: [leak]\n", "a.yaml");
        assertTrue(a.version().matches("sha256:[0-9a-f]{12}"), a.version());
        assertEquals(a.version(), Taxonomy.parse("themes:\n  leaks: [leak]\n", "b.yaml").version());
        assertFalse(a.version().equals(Taxonomy.parse("themes:\n  leaks: [leak, leaker]\n", "a.yaml").version()));
    }

    static List<Arguments> badFiles() {
        return List.of(
                Arguments.of("", "my.yaml: missing 'themes:'"),
                Arguments.of("version: 1\n", "my.yaml: missing 'themes:'"),
                Arguments.of("themes:\n", "my.yaml line 1: 'themes:' is empty"),
                Arguments.of("themes:\n  leaks: []\n", "my.yaml line 2: theme 'leaks' has no phrases"),
                Arguments.of("themes:\n  leaks:\n  security: [security]\n", "my.yaml line 2: theme 'leaks' has no phrases"),
                Arguments.of("themes:\n  leaks: leak\n", "my.yaml line 2: theme 'leaks' must be a list of phrases"),
                Arguments.of("themes:\n  leaks: [leak, 2024]\n", "my.yaml line 2: phrase '2024' of theme 'leaks' is not a string (YAML reads it as a number"),
                Arguments.of("themes:\n  leaks:\n    - leak\n    - yes\n", "my.yaml line 4: phrase 'yes' of theme 'leaks' is not a string (YAML reads it as a boolean"),
                Arguments.of("themes:\n  leaks: [leak, [nested]]\n", "my.yaml line 2: phrase a list of theme 'leaks' is not a string"),
                Arguments.of("themes:\n  leaks: [\"--\"]\n", "my.yaml line 2: theme 'leaks' has a phrase without words: '--'"),
                Arguments.of("themes:\n  Leaks: [leak]\n", "my.yaml line 2: theme name 'Leaks' must be lower-case kebab-case"),
                Arguments.of("themes:\n  data_leaks: [leak]\n", "my.yaml line 2: theme name 'data_leaks' must be lower-case kebab-case"),
                Arguments.of("themes:\n  leaks: [leak]\n  leaks: [data leak]\n", "my.yaml line 3: theme 'leaks' is defined twice"),
                Arguments.of("themes:\n  leaks: [leak]\nthemes:\n  a: [b]\n", "my.yaml line 3: 'themes:' appears twice"),
                Arguments.of("themes:\n  leaks: [leak]\ntopics: {}\n", "my.yaml line 3: unknown top-level key 'topics'"),
                Arguments.of("- leak\n- security\n", "my.yaml line 1: the file must be a mapping with a 'themes:' key"),
                Arguments.of("themes:\n  leaks: [leak]\nentities:\n  COMPANY: [Acme]\n", "my.yaml line 4: unknown entity type 'COMPANY'"),
                Arguments.of("themes:\n  leaks: [leak]\nentities:\n  ORG: Acme\n", "my.yaml line 4: entities of type ORG must be a list of names"),
                Arguments.of("themes:\n  leaks: [leak\n  security: [security]\n", "my.yaml line 3: invalid YAML"),
                Arguments.of("themes:\n\tleaks: [leak]\n", "my.yaml line 2: invalid YAML"),
                Arguments.of("themes:\n  leaks: [leak]\n   security: [x]\n", "my.yaml line 3: invalid YAML"),
                Arguments.of("themes:\n  bias:\n    exclude: [easing bias]\n", "my.yaml line 3: theme 'bias' has no 'phrases:'"),
                Arguments.of("themes:\n  bias:\n    phrases: [bias]\n    excludes: [x]\n",
                        "my.yaml line 4: theme 'bias': unknown key 'excludes' (expected phrases, and optionally exclude)"),
                Arguments.of("themes:\n  bias:\n    phrases: [bias]\n    exclude: []\n",
                        "my.yaml line 4: the exclude phrases of theme 'bias' has no phrases"),
                Arguments.of("version: [1]\nthemes:\n  leaks: [leak]\n", "my.yaml line 1: 'version:' must be a number or a string"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badFiles")
    void shouldRejectABadFileNamingTheFileTheLineAndTheProblem(String yaml, String expectedStart) {
        TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.parse(yaml, "my.yaml"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
    }

    @Test
    void shouldExplainAYamlSyntaxErrorWithoutTheParserInternals() {
        TaxonomyException e = assertThrows(TaxonomyException.class,
                () -> Taxonomy.parse("themes:\n  leaks: [leak\n  security: [security]\n", "my.yaml"));
        assertTrue(e.getMessage().contains("expected ',' or ']'"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void shouldLoadAFileAndNameItInErrors(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.yaml");
        Files.writeString(good, "themes:\n  leaks: [leak]\n", StandardCharsets.UTF_8);
        assertEquals(List.of("leaks"), List.copyOf(Taxonomy.load(good).themes().keySet()));

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "themes:\n  leaks: []\n", StandardCharsets.UTF_8);
        TaxonomyException e = assertThrows(TaxonomyException.class, () -> Taxonomy.load(bad));
        assertTrue(e.getMessage().startsWith(bad + " line 2: theme 'leaks' has no phrases"), e.getMessage());

        Path missing = dir.resolve("missing.yaml");
        e = assertThrows(TaxonomyException.class, () -> Taxonomy.load(missing));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void shouldCompileEveryDefaultPhraseToWords() {
        Taxonomy taxonomy = Taxonomy.loadDefault();
        taxonomy.themes().forEach((theme, phrases) -> phrases.forEach(
                phrase -> assertFalse(Tokenizer.phraseTokens(phrase).isEmpty(), theme + ": " + phrase)));
    }
}
