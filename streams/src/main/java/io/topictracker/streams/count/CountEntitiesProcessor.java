package io.topictracker.streams.count;

import io.topictracker.streams.Names;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keyed by case-folded entity name: sums entity deltas per type; empty rows are deleted. */
public final class CountEntitiesProcessor implements Processor<String, EntityDelta, Void, Void> {

    private KeyValueStore<String, EntityTally> counts;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        counts = context.getStateStore(Names.ENTITY_COUNT_STORE);
    }

    @Override
    public void process(Record<String, EntityDelta> record) {
        EntityTally next = EntityTally.apply(counts.get(record.key()), record.value());
        if (next == null) {
            counts.delete(record.key());
        } else {
            counts.put(record.key(), next);
        }
    }
}
