package io.topictracker.app;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the streams app has processed everything published so far: its consumer group's
 * committed offsets have reached the end of every input and repartition partition it reads.
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final String groupId;

    public ConsumerLag(String bootstrapServers, Map<String, String> clientOverrides, String applicationId) {
        Map<String, Object> config = new HashMap<>(clientOverrides);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(config);
        this.groupId = applicationId; // Kafka Streams' group id is its application.id
    }

    /** True when no partition lags by more than one offset (a transaction's commit marker). */
    public boolean caughtUp() throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return !committed.isEmpty() && committed.entrySet().stream().allMatch(e ->
                    e.getValue() != null && ends.get(e.getKey()).offset() - e.getValue().offset() <= 1);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
