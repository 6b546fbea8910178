package io.topictracker.extract;

import org.junit.jupiter.api.Test;

class DebugSeedsTest {
    @Test
    void print() {
        Extractor x = Extractor.withDefaultTaxonomy();
        for (String f : SeedArticle.FILES) {
            SeedArticle a = SeedArticle.load(f);
            Extraction e = x.extract(a.title(), a.body());
            System.out.println("=== " + a.name() + " title=" + a.title());
            System.out.println("themes: " + e.themes());
            for (EntityMention m : e.entities()) System.out.println("  " + m);
            if (System.getenv("EXPLAIN") != null) x.explainThemes(a.title(), a.body()).forEach(s -> System.out.println("    " + s));
            if (System.getenv("KEPT") != null) PageClutter.keptLines((a.title()==null?"":a.title()+"\n")+a.body()).forEach(s -> System.out.println("    | " + s));
        }
    }
}
