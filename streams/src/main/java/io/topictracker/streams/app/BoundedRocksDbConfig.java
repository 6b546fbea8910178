package io.topictracker.streams.app;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of this JVM by one shared block cache, which
 * also accounts for memtables (the recipe of Kafka Streams' memory-management docs). Without it,
 * memory grows with stores × partitions. The bound is {@value #MEMORY_BYTES_CONFIG} (all stores
 * together, index and filter blocks included); a quarter of it may hold memtables.
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    /** Streams config key carrying the bound in bytes (set by {@link StreamsSettings}). */
    public static final String MEMORY_BYTES_CONFIG = "topic-tracker.rocksdb.memory.bytes";

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long boundBytes;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long bytes = Long.parseLong(String.valueOf(configs.get(MEMORY_BYTES_CONFIG)));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(sharedCache(bytes));
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBufferManager);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: never closed per store.
    }

    /** One cache per JVM: the first app to configure a store sets the bound (one app per JVM in practice). */
    private static synchronized Cache sharedCache(long bytes) {
        if (cache == null) {
            boundBytes = bytes;
            cache = new LRUCache(bytes, -1, false, 0.1);
            writeBufferManager = new WriteBufferManager(bytes / 4, cache);
        }
        return cache;
    }

    static synchronized long boundBytes() {
        return boundBytes;
    }
}
