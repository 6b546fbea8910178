package io.topictracker.extract;

import org.junit.jupiter.api.Test;

class DebugPerfTest {
    @Test
    void perf() {
        Extractor x = Extractor.withDefaultTaxonomy();
        SeedArticle[] seeds = new SeedArticle[4];
        long bytes = 0;
        for (int i = 0; i < 4; i++) { seeds[i] = SeedArticle.load(SeedArticle.FILES[i]); bytes += seeds[i].body().length() + (seeds[i].title()==null?0:seeds[i].title().length()); }
        int sink = 0;
        for (int r = 0; r < 5000; r++) for (SeedArticle a : seeds) sink += x.extract(a.title(), a.body()).themes().size();
        int reps = 10000;
        double kb = reps * bytes / 1024.0;
        long a0 = System.nanoTime();
        for (int r = 0; r < reps; r++) for (SeedArticle a : seeds) sink += x.extract(a.title(), a.body()).themes().size();
        System.out.printf("total %.1f us/KB (sink %d)%n", (System.nanoTime() - a0) / 1000.0 / kb, sink);
    }
}
