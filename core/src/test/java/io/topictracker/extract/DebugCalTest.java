package io.topictracker.extract;

import org.junit.jupiter.api.Test;

class DebugCalTest {
    @Test
    void cal() {
        for (int f = 0; f < 4; f++) {
            String b = SeedArticle.load(SeedArticle.FILES[f]).body();
            long sink = 0;
            for (int r = 0; r < 20000; r++) sink += PageClutter.keptLines(b).size();
            int reps = 20000;
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) sink += PageClutter.keptLines(b).size();
            long t1 = System.nanoTime();
            System.out.printf("%d clutter %.2f us/KB  (%d chars) %d%n", f, (t1-t0)/1000.0/(reps*b.length()/1024.0), b.length(), sink);
        }
    }
}
