package io.topictracker.bench.e2e;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds RocksDB memory for every store of the process: one shared block cache (which also holds
 * index and filter blocks) and a write buffer manager charging memtables to that same cache, as the
 * Kafka Streams memory-management docs recommend. Total off-heap for stores ≈ {@link #TOTAL_BYTES}
 * whatever the number of stores × partitions. Used by the benchmark through {@code
 * rocksdb.config.setter}; a candidate for the app itself (see docs/BENCHMARKS.md).
 */
public final class BoundedRocksDbConfig implements RocksDBConfigSetter {

    static final long TOTAL_BYTES = Long.getLong("bench.rocksdb.total.bytes", 64L * 1024 * 1024);
    static final long MEMTABLE_BYTES = TOTAL_BYTES / 4;
    private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(Math.min(options.writeBufferSize(), 8L * 1024 * 1024));
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and write buffer manager are shared by every store: never close them here
    }
}
