package io.topictracker.app;

import io.topictracker.streams.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether the streams app has processed everything published so far: for every partition of the
 * input topic and of the app's repartition topics, its consumer group has committed up to the end.
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final String applicationId;

    public ConsumerLag(String bootstrapServers, Map<String, String> clientOverrides, String applicationId) {
        Map<String, Object> config = new HashMap<>(clientOverrides);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(config);
        this.applicationId = applicationId;
    }

    /**
     * True when no partition lags by more than one offset (a transaction's commit marker). A
     * partition without a committed offset counts as caught up only while it is empty: right after
     * the first publish the repartition topics have records but no commits yet.
     */
    public boolean caughtUp() throws InterruptedException {
        try {
            // Kafka Streams' group id is its application.id; its repartition topics are prefixed with it.
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics.stream()
                            .filter(t -> t.equals(Topics.ARTICLES.name())
                                    || (t.startsWith(applicationId + "-") && t.endsWith("-repartition")))
                            .toList())
                    .allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata done = committed.get(end.getKey());
                long endOffset = end.getValue().offset();
                return done == null ? endOffset == 0 : endOffset - done.offset() <= 1;
            });
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
