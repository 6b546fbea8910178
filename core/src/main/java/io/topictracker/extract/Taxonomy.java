package io.topictracker.extract;

import io.topictracker.article.ArticleIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The user-editable theme taxonomy (YAML): theme name → phrases that signal it. Optionally also a
 * {@code version} stamped on every extraction, per-theme {@code exclude} phrases that never count for
 * that theme, global {@code ignore:} phrases that count for no theme (both shadow shorter phrases
 * inside them, as "memory leak" does "leak"), and {@code entities:} that extend the built-in entity
 * gazetteer.
 *
 * <pre>
 * version: 3
 * themes:
 *   open-source: [open source, open-source, opensource]
 *   leaks: [leak, data leak, leaked document]
 *   bias:
 *     phrases: [bias, algorithmic bias]
 *     exclude: [easing bias]
 * ignore: [memory leak]
 * entities:
 *   ORG: [Acme Corp|Acme]
 *   PERSON: [Jane Doe]
 * </pre>
 */
public final class Taxonomy {

    private final String sourceName;
    private final String version;
    private final SortedMap<String, List<String>> themes;
    private final SortedMap<String, List<String>> excludes;
    private final List<String> ignore;
    private final Map<EntityType, List<String>> entities;

    private Taxonomy(String sourceName, String text, TaxonomyParser.Parsed parsed) {
        this.sourceName = sourceName;
        this.version = parsed.version() != null ? parsed.version() : "sha256:" + ArticleIds.sha256Hex(text).substring(0, 12);
        this.themes = parsed.themes();
        this.excludes = parsed.excludes();
        this.ignore = parsed.ignore();
        this.entities = parsed.entities();
    }

    /** The taxonomy shipped in the jar ({@code /taxonomy.yaml}). */
    public static Taxonomy loadDefault() {
        String name = "classpath:/taxonomy.yaml";
        try (InputStream in = Taxonomy.class.getResourceAsStream("/taxonomy.yaml")) {
            if (in == null) {
                throw new TaxonomyException(name + ": not found");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new TaxonomyException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads a YAML file; a bad file throws {@link TaxonomyException} naming the file and the problem. */
    public static Taxonomy load(Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TaxonomyException(file + ": no such file", e);
        } catch (IOException e) {
            throw new TaxonomyException(file + ": cannot read it (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return parse(yaml, file.toString());
    }

    /**
     * Parses taxonomy YAML; {@code sourceName} is what error messages call it (a file name).
     *
     * @throws TaxonomyException naming the source, the line where known, and the problem
     */
    public static Taxonomy parse(String yaml, String sourceName) {
        return new Taxonomy(sourceName, yaml, TaxonomyParser.parse(yaml, sourceName));
    }

    /** Theme name → its phrases as written in the file, sorted by theme name. */
    public SortedMap<String, List<String>> themes() {
        return themes;
    }

    public boolean hasTheme(String theme) {
        return themes.containsKey(theme);
    }

    /**
     * What every extraction with this taxonomy is stamped with: the file's {@code version:} as written,
     * or, for a file without one, {@code "sha256:"} and the first 12 hex digits of the file's hash.
     */
    public String version() {
        return version;
    }

    /** Theme name → its exclude phrases (an empty list for most), sorted by theme name. */
    public SortedMap<String, List<String>> excludes() {
        return excludes;
    }

    /** Phrases that count toward no theme. */
    public List<String> ignore() {
        return ignore;
    }

    /**
     * Extra gazetteer entries by type, as written: {@code "Name|Alias|~WeakAlias"} (a {@code ~} form
     * counts only inside a sentence, never in a heading nor next to another capitalised word).
     */
    public Map<EntityType, List<String>> entities() {
        return entities;
    }

    /** Where this taxonomy came from, as error messages name it. */
    public String sourceName() {
        return sourceName;
    }

    @Override
    public String toString() {
        return "Taxonomy[" + sourceName + ", " + themes.size() + " themes]";
    }
}
