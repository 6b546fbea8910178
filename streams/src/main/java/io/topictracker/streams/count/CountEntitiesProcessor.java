package io.topictracker.streams.count;

import io.topictracker.extract.EntityType;
import io.topictracker.query.Tally;
import io.topictracker.streams.Names;
import io.topictracker.streams.serde.EntityRank;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keyed by case-folded entity name: sums entity deltas per type (empty rows are deleted) and keeps
 * the {@code entity-rank} index in step, so a top-N query reads N rows instead of every entity.
 */
public final class CountEntitiesProcessor implements Processor<String, EntityDelta, Void, Void> {

    private KeyValueStore<String, EntityTally> counts;
    private KeyValueStore<EntityRank, String> rank;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        counts = context.getStateStore(Names.ENTITY_COUNT_STORE);
        rank = context.getStateStore(Names.ENTITY_RANK_STORE);
    }

    @Override
    public void process(Record<String, EntityDelta> record) {
        EntityTally before = counts.get(record.key());
        EntityTally after = EntityTally.apply(before, record.value());
        if (after == null) {
            counts.delete(record.key());
        } else {
            counts.put(record.key(), after);
        }
        ranks(before).forEach(row -> rank.delete(row));
        ranks(after).forEach(row -> rank.put(row, record.key()));
    }

    /** The rank rows of a tally: one per type, keyed by its counts (value: the counts-store key). */
    private static List<EntityRank> ranks(EntityTally tally) {
        if (tally == null) {
            return List.of();
        }
        List<EntityRank> rows = new ArrayList<>(tally.byType().size());
        for (Map.Entry<EntityType, Tally> e : tally.byType().entrySet()) {
            rows.add(new EntityRank(e.getKey(), e.getValue().articles(), e.getValue().mentions(), tally.name()));
        }
        return rows;
    }
}
