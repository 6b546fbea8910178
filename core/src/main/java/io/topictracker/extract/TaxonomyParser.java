package io.topictracker.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the taxonomy YAML with Jackson's streaming parser rather than into a tree, because a tree
 * forgets line numbers and users editing the file need "line 12: ..." to find their mistake. Also
 * rejects what a tree would silently accept: duplicate keys, numbers or booleans where a phrase
 * belongs ({@code on}, {@code yes} and {@code 2024} are not strings in YAML).
 */
final class TaxonomyParser {

    /**
     * What a taxonomy file holds, validated.
     *
     * @param version the file's {@code version:} as written, or null when it has none
     * @param excludes theme → its exclude phrases (empty for a theme without any)
     */
    record Parsed(String version, SortedMap<String, List<String>> themes, SortedMap<String, List<String>> excludes,
            List<String> ignore, Map<EntityType, List<String>> entities) {}

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private static final Pattern THEME_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** SnakeYAML puts the position of the problem last in its message. */
    private static final Pattern YAML_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final String source;
    private final JsonParser parser;

    private TaxonomyParser(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    static Parsed parse(String yaml, String source) {
        try (JsonParser parser = YAML.createParser(yaml)) {
            return new TaxonomyParser(source, parser).document();
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new TaxonomyException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    private Parsed document() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            throw new TaxonomyException(source + ": missing 'themes:' (the file is empty)");
        }
        if (token != JsonToken.START_OBJECT) {
            throw error("the file must be a mapping with a 'themes:' key, not " + describe(token));
        }
        SortedMap<String, List<String>> themes = null;
        SortedMap<String, List<String>> excludes = new TreeMap<>();
        String version = null;
        List<String> ignore = List.of();
        Map<EntityType, List<String>> entities = Map.of();
        Set<String> keys = new LinkedHashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!keys.add(key)) {
                throw error("'" + key + ":' appears twice");
            }
            JsonToken value = parser.nextToken();
            switch (key) {
                case "themes" -> themes = themes(value, excludes);
                case "ignore" -> ignore = phrases(value, "'ignore:'");
                case "entities" -> entities = entities(value);
                case "version" -> version = version(value);
                default -> throw error("unknown top-level key '" + key
                        + "' (expected themes, and optionally ignore, entities, version)");
            }
        }
        if (themes == null) {
            throw new TaxonomyException(source + ": missing 'themes:'");
        }
        return new Parsed(version, themes, Collections.unmodifiableSortedMap(excludes), ignore, entities);
    }

    /** {@code version: 3} or {@code version: "2024-06"}: a scalar, kept as written. */
    private String version(JsonToken token) throws IOException {
        if (isEmpty(token) || token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT
                || token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            throw error("'version:' must be a number or a string, like 3 or \"2024-06\", not " + describe(token));
        }
        return parser.getText().strip();
    }

    /** "key:" with nothing after it: YAML's null, which Jackson reports as null or as "". */
    private boolean isEmpty(JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NULL || (token == JsonToken.VALUE_STRING && parser.getText().isBlank());
    }

    private SortedMap<String, List<String>> themes(JsonToken token, SortedMap<String, List<String>> excludes)
            throws IOException {
        if (isEmpty(token)) {
            throw error("'themes:' is empty");
        }
        if (token != JsonToken.START_OBJECT) {
            throw error("'themes:' must map theme names to lists of phrases, not " + describe(token));
        }
        SortedMap<String, List<String>> themes = new TreeMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String theme = parser.currentName();
            if (!THEME_NAME.matcher(theme).matches()) {
                throw error("theme name '" + theme + "' must be lower-case kebab-case, like 'open-source'");
            }
            if (themes.containsKey(theme)) {
                throw error("theme '" + theme + "' is defined twice");
            }
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                themeMapping(theme, themes, excludes);
            } else {
                themes.put(theme, phrases(value, "theme '" + theme + "'"));
                excludes.put(theme, List.of());
            }
        }
        if (themes.isEmpty()) {
            throw error("'themes:' is empty");
        }
        return Collections.unmodifiableSortedMap(themes);
    }

    /** A theme written as a mapping: {@code {phrases: [...], exclude: [...]}}. */
    private void themeMapping(String theme, SortedMap<String, List<String>> themes, SortedMap<String, List<String>> excludes)
            throws IOException {
        String what = "theme '" + theme + "'";
        int line = parser.currentTokenLocation().getLineNr();
        List<String> phrases = null;
        List<String> exclude = List.of();
        Set<String> keys = new LinkedHashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (!keys.add(key)) {
                throw error(what + ": '" + key + ":' appears twice");
            }
            JsonToken value = parser.nextToken();
            switch (key) {
                case "phrases" -> phrases = phrases(value, what);
                case "exclude" -> exclude = phrases(value, "the exclude phrases of " + what);
                default -> throw error(what + ": unknown key '" + key + "' (expected phrases, and optionally exclude)");
            }
        }
        if (phrases == null) {
            throw new TaxonomyException(source + " line " + line + ": " + what + " has no 'phrases:'");
        }
        themes.put(theme, phrases);
        excludes.put(theme, exclude);
    }

    /** A list of phrases, each one a string that yields at least one word. */
    private List<String> phrases(JsonToken token, String what) throws IOException {
        if (isEmpty(token)) {
            throw error(what + " has no phrases");
        }
        if (token != JsonToken.START_ARRAY) {
            throw error(what + " must be a list of phrases, like [leak, data leak], not " + describe(token));
        }
        List<String> phrases = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw error("phrase " + describe(token) + " of " + what + " is not a string" + quoteHint(token));
            }
            String phrase = parser.getText().strip();
            if (Tokenizer.phraseTokens(phrase).isEmpty()) {
                throw error(what + " has a phrase without words: '" + phrase + "'");
            }
            phrases.add(phrase);
        }
        if (phrases.isEmpty()) {
            throw error(what + " has no phrases");
        }
        return List.copyOf(phrases);
    }

    private Map<EntityType, List<String>> entities(JsonToken token) throws IOException {
        if (isEmpty(token)) {
            return Map.of();
        }
        if (token != JsonToken.START_OBJECT) {
            throw error("'entities:' must map a type (ORG, PERSON, PRODUCT, PLACE) to a list of names, not "
                    + describe(token));
        }
        Map<EntityType, List<String>> entities = new EnumMap<>(EntityType.class);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            EntityType type = entityType(name);
            if (entities.containsKey(type)) {
                throw error("entity type " + type + " appears twice");
            }
            List<String> names = new ArrayList<>();
            JsonToken list = parser.nextToken();
            if (isEmpty(list)) {
                entities.put(type, List.of());
                continue;
            }
            if (list != JsonToken.START_ARRAY) {
                throw error("entities of type " + type + " must be a list of names, not " + describe(list));
            }
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.VALUE_STRING) {
                    throw error("entity " + describe(token) + " of type " + type + " is not a string" + quoteHint(token));
                }
                String entry = parser.getText().strip();
                if (Gazetteer.forms(entry).isEmpty()) {
                    throw error("entity of type " + type + " has no name: '" + entry + "'");
                }
                names.add(entry);
            }
            entities.put(type, List.copyOf(names));
        }
        return Collections.unmodifiableMap(entities);
    }

    private EntityType entityType(String name) {
        try {
            return EntityType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error("unknown entity type '" + name + "' (expected ORG, PERSON, PRODUCT or PLACE)");
        }
    }

    private String describe(JsonToken token) throws IOException {
        if (isEmpty(token)) {
            return "an empty value";
        }
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_NULL -> "an empty value";
            default -> "'" + parser.getText() + "'";
        };
    }

    private static String quoteHint(JsonToken token) {
        return switch (token) {
            case VALUE_TRUE, VALUE_FALSE -> " (YAML reads it as a boolean: put it in quotes)";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> " (YAML reads it as a number: put it in quotes)";
            default -> "";
        };
    }

    private TaxonomyException error(String problem) {
        return new TaxonomyException(source + " line " + parser.currentTokenLocation().getLineNr() + ": " + problem);
    }

    /** "file line N: problem", with SnakeYAML's context lines and source excerpt left out. */
    private static TaxonomyException syntaxError(String source, JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        Matcher position = YAML_POSITION.matcher(message);
        while (position.find()) {
            line = Integer.parseInt(position.group(1));
        }
        List<String> problem = new ArrayList<>();
        for (String part : message.split("\n")) {
            String p = part.strip();
            if (!p.isEmpty() && !part.startsWith(" in ") && !part.startsWith("    ") && !p.equals("^")) {
                problem.add(p);
            }
        }
        String where = line > 0 ? source + " line " + line : source;
        return new TaxonomyException(where + ": invalid YAML: " + String.join("; ", problem), e);
    }
}
