package io.topictracker.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hand-annotated gold set ({@code src/test/resources/gold/gold.yaml}) and the scoring of an
 * {@link Extractor} against it: precision, recall and F1 per entity type (a name counts only with the
 * right type) and for themes. The file's header says what is annotated and how.
 */
final class GoldSet {

    /** One annotated entity: the forms it takes in the text and the types that count as right. */
    record GoldEntity(List<String> forms, Set<EntityType> types) {
        EntityType primaryType() {
            return types.iterator().next();
        }
    }

    /** One annotated article. */
    record Article(String file, String title, String body, List<GoldEntity> entities, Set<String> optional,
            Set<String> themes, Set<String> optionalThemes) {
        boolean seed() {
            return file.startsWith("seeds/");
        }
    }

    /** True positives, false positives and false negatives, with the derived figures. */
    record Counts(int tp, int fp, int fn) {
        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)",
                    precision(), recall(), f1(), tp, fp, fn);
        }
    }

    /** The scores of one run over a set of articles, and what went wrong, for reading. */
    record Score(Map<EntityType, Counts> byType, Counts entities, Counts themes, List<String> errors) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GoldSet() {}

    static List<Article> load() {
        JsonNode root;
        try {
            root = YAML.readTree(SeedArticle.read("/gold/gold.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Article> articles = new ArrayList<>();
        for (JsonNode a : root.path("articles")) {
            String file = a.path("file").asText();
            String title;
            String body;
            if (file.startsWith("seeds/")) {
                SeedArticle seed = SeedArticle.load(file.substring("seeds/".length()));
                title = seed.title();
                body = seed.body();
            } else {
                String text = SeedArticle.read("/gold/" + file);
                int newline = text.indexOf('\n');
                title = text.substring(0, newline).strip();
                body = text.substring(newline + 1);
            }
            List<GoldEntity> entities = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : a.path("entities").properties()) {
                Set<EntityType> types = new LinkedHashSet<>();
                for (String t : e.getKey().split("/")) {
                    types.add(EntityType.valueOf(t));
                }
                for (JsonNode name : e.getValue()) {
                    entities.add(new GoldEntity(List.of(name.asText().split("\\|")), Set.copyOf(types).size() == 1
                            ? Set.of(types.iterator().next()) : types));
                }
            }
            Set<String> optional = new HashSet<>();
            for (JsonNode name : a.path("optional")) {
                for (String form : name.asText().split("\\|")) {
                    optional.add(key(form));
                }
            }
            articles.add(new Article(file, title, body, entities, optional, strings(a.path("themes")),
                    strings(a.path("optionalThemes"))));
        }
        return articles;
    }

    private static Set<String> strings(JsonNode list) {
        Set<String> out = new TreeSet<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Letters and digits, case-folded: how names are compared. */
    static String key(String name) {
        return Gazetteer.compactKey(name);
    }

    static Score score(Extractor extractor, List<Article> articles) {
        Map<EntityType, Counts> byType = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            byType.put(t, new Counts(0, 0, 0));
        }
        Counts themes = new Counts(0, 0, 0);
        List<String> errors = new ArrayList<>();
        for (Article a : articles) {
            Extraction x = extractor.extract(a.title(), a.body());
            Set<GoldEntity> matched = new HashSet<>();
            for (EntityMention m : x.entities()) {
                String k = key(m.name());
                GoldEntity hit = null;
                for (GoldEntity g : a.entities()) {
                    if (g.forms().stream().anyMatch(f -> key(f).equals(k))) {
                        hit = g;
                        break;
                    }
                }
                if (hit == null) {
                    if (!a.optional().contains(k)) {
                        byType.merge(m.type(), new Counts(0, 1, 0), Counts::plus);
                        errors.add(a.file() + "  FP  " + m.type() + " " + m.name() + " x" + m.mentions());
                    }
                } else if (hit.types().contains(m.type()) && matched.add(hit)) {
                    byType.merge(m.type(), new Counts(1, 0, 0), Counts::plus);
                } else {
                    byType.merge(m.type(), new Counts(0, 1, 0), Counts::plus);
                    errors.add(a.file() + "  FP  " + m.type() + " " + m.name()
                            + (hit.types().contains(m.type()) ? " (again: aliases not merged)" : " (is " + hit.types() + ")"));
                }
            }
            for (GoldEntity g : a.entities()) {
                if (!matched.contains(g)) {
                    byType.merge(g.primaryType(), new Counts(0, 0, 1), Counts::plus);
                    errors.add(a.file() + "  FN  " + g.types() + " " + String.join("|", g.forms()));
                }
            }
            for (String t : x.themes().keySet()) {
                if (a.themes().contains(t)) {
                    themes = themes.plus(new Counts(1, 0, 0));
                } else if (!a.optionalThemes().contains(t)) {
                    themes = themes.plus(new Counts(0, 1, 0));
                    errors.add(a.file() + "  FP  theme " + t + " x" + x.themes().get(t));
                }
            }
            for (String t : a.themes()) {
                if (!x.themes().containsKey(t)) {
                    themes = themes.plus(new Counts(0, 0, 1));
                    errors.add(a.file() + "  FN  theme " + t);
                }
            }
        }
        Counts all = new Counts(0, 0, 0);
        for (Counts c : byType.values()) {
            all = all.plus(c);
        }
        return new Score(byType, all, themes, errors);
    }
}
