package io.topictracker.bench.e2e;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a Kafka Streams app from outside, through its consumer group (= application.id): when it
 * got its partitions (group stable with members) and how far its commits are behind the end of its
 * input topic and of its repartition topics. The same definition of "done" as the app's own
 * {@code ConsumerLag}, for any application id and input topic (so it also fits WordCountDemo).
 */
final class GroupWatch implements AutoCloseable {

    private final Admin admin;

    GroupWatch(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "bench-group-watch");
        this.admin = Admin.create(config);
    }

    /** True once the group is stable and has members (the app owns its partitions and processes). */
    boolean stable(String groupId) throws InterruptedException {
        try {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(groupId)).all().get(5, TimeUnit.SECONDS).get(groupId);
            return d != null && d.groupState() == GroupState.STABLE && !d.members().isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Records not yet committed by the group over the input topic and its repartition topics; a
     * partition's last offset may be a transaction marker, so a lag of 1 counts as none. -1 when unknown.
     */
    long lag(String groupId, String inputTopic) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> watched = topics.stream()
                    .filter(t -> t.equals(inputTopic) || (t.startsWith(groupId + "-") && t.endsWith("-repartition")))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Collection<TopicDescription> descriptions = admin.describeTopics(watched).allTopicNames().get(10, TimeUnit.SECONDS).values();
            for (TopicDescription topic : descriptions) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                long behind = end.getValue().offset() - (done == null ? 0 : done.offset());
                lag += behind <= 1 && done != null ? 0 : behind;
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    /** Committed offsets of the group on the input topic, summed: how many input records it has finished. */
    long committedInput(String groupId, String inputTopic) throws InterruptedException {
        try {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(inputTopic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset())
                    .sum();
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
    }
}
