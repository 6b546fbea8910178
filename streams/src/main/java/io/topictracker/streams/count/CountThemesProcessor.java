package io.topictracker.streams.count;

import io.topictracker.query.Tally;
import io.topictracker.streams.Names;
import io.topictracker.streams.serde.ThemeHour;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keyed by theme: sums theme deltas into the all-time and hourly stores; zero rows are deleted. */
public final class CountThemesProcessor implements Processor<String, ThemeDelta, Void, Void> {

    private KeyValueStore<String, Tally> counts;
    private KeyValueStore<ThemeHour, Tally> timeline;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        counts = context.getStateStore(Names.THEME_COUNT_STORE);
        timeline = context.getStateStore(Names.THEME_TIMELINE_STORE);
    }

    @Override
    public void process(Record<String, ThemeDelta> record) {
        ThemeDelta delta = record.value();
        add(counts, delta.theme(), delta.articles(), delta.mentions());
        for (BucketDelta bucket : delta.buckets()) {
            add(timeline, new ThemeHour(delta.theme(), bucket.hour()), bucket.articles(), bucket.mentions());
        }
    }

    static <K> void add(KeyValueStore<K, Tally> store, K key, long articles, long mentions) {
        if (articles == 0 && mentions == 0) {
            return;
        }
        Tally current = store.get(key);
        Tally next = (current == null ? Tally.ZERO : current).plus(articles, mentions);
        if (next.isZero()) {
            store.delete(key); // KAFKA-16575: a count that reaches zero disappears, it is not kept as 0
        } else {
            store.put(key, next);
        }
    }
}
