package io.topictracker.app;

import io.topictracker.streams.TopologySettings;
import io.topictracker.streams.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the pipeline's external topics when they are missing (Kafka Streams refuses to start without its source topic). */
public final class TopicSetup {

    private TopicSetup() {}

    /** Records up to this size reach the app, so oversized articles get a dead letter with a reason. */
    static final int ARTICLES_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    /**
     * The topics the app reads and writes, as created when missing. {@code articles} accepts records
     * up to 8 MiB, so an article over the app's limit is dead-lettered with a reason instead of being
     * refused by the broker; {@code articles-dlq} fits a dead letter of {@code maxArticleBytes}.
     */
    public static List<NewTopic> topics(int partitions, int maxArticleBytes) {
        return List.of(
                new NewTopic(Topics.ARTICLES.name(), partitions, (short) -1)
                        .configs(Map.of("max.message.bytes", Integer.toString(ARTICLES_MAX_MESSAGE_BYTES))),
                new NewTopic(Topics.ARTICLES_DLQ.name(), 1, (short) -1)
                        .configs(Map.of("max.message.bytes", Integer.toString(maxArticleBytes + 64 * 1024))));
    }

    /** The topics with the default article size limit. */
    public static List<NewTopic> topics(int partitions) {
        return topics(partitions, TopologySettings.DEFAULT_MAX_ARTICLE_BYTES);
    }

    public static void createMissing(String bootstrapServers, Map<String, String> clientOverrides, int partitions) {
        createMissing(bootstrapServers, clientOverrides, partitions, TopologySettings.DEFAULT_MAX_ARTICLE_BYTES);
    }

    public static void createMissing(String bootstrapServers, Map<String, String> clientOverrides, int partitions, int maxArticleBytes) {
        Map<String, Object> config = new HashMap<>(clientOverrides);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics(partitions, maxArticleBytes).stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics at " + bootstrapServers + ": " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka broker answered at " + bootstrapServers + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
