package io.topictracker.extract;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/** The user-editable theme taxonomy (YAML): theme name → phrases that signal it. */
public final class Taxonomy {

    private final SortedMap<String, List<String>> themes;

    private Taxonomy(SortedMap<String, List<String>> themes) {
        this.themes = themes;
    }

    /** The taxonomy shipped in the jar ({@code /taxonomy.yaml}). */
    public static Taxonomy loadDefault() {
        throw new UnsupportedOperationException("TODO(helper A)");
    }

    /** Loads a YAML file; a bad file throws {@link TaxonomyException} naming the file and the problem. */
    public static Taxonomy load(Path file) {
        throw new UnsupportedOperationException("TODO(helper A)");
    }

    public SortedMap<String, List<String>> themes() {
        return themes;
    }

    public boolean hasTheme(String theme) {
        return themes.containsKey(theme);
    }
}
