package io.topictracker.streams.ingest;

import io.topictracker.article.Article;
import io.topictracker.article.ArticleJson;
import io.topictracker.article.DecodedArticle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step of the topology: decodes each raw {@code articles} record and decides what it means.
 * Never throws on bad input: malformed values become {@link DecodeOutcome.Rejected} with the
 * {@code dlq.*} headers set, so one bad record cannot stop the app.
 *
 * <p>The record key is the article's identity; the {@code id} inside the value is used only when
 * the key is missing, and such records are re-keyed (and later repartitioned) by that id.
 */
public final class DecodeArticleProcessor implements Processor<String, byte[], String, DecodeOutcome> {

    private final int maxArticleBytes;
    private ProcessorContext<String, DecodeOutcome> context;
    private Sensor deadLetters;

    public DecodeArticleProcessor(int maxArticleBytes) {
        this.maxArticleBytes = maxArticleBytes;
    }

    @Override
    public void init(ProcessorContext<String, DecodeOutcome> context) {
        this.context = context;
        // Kafka Streams metrics "dead-letter-total" / "dead-letter-rate" (exported on /metrics).
        this.deadLetters = context.metrics().addRateTotalSensor(
                DeadLetterHeaders.METRIC_SCOPE, DeadLetterHeaders.METRIC_ENTITY, DeadLetterHeaders.METRIC_OPERATION,
                Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String key = record.key() == null || record.key().isBlank() ? null : record.key();
        if (record.value() == null) {
            if (key == null) {
                reject(record, "tombstone (null value) without a key: no article to delete");
            } else {
                context.forward(record.withKey(key).withValue(new DecodeOutcome.Deleted()));
            }
            return;
        }
        if (record.value().length > maxArticleBytes) {
            reject(record, "value is " + record.value().length + " bytes, over the limit of " + maxArticleBytes + " bytes");
            return;
        }
        DecodedArticle decoded = ArticleJson.decode(record.value());
        if (decoded instanceof DecodedArticle.Invalid invalid) {
            reject(record, invalid.reason());
            return;
        }
        Article article = ((DecodedArticle.Valid) decoded).article();
        if (key == null) {
            context.forward(record.withKey(article.id()).withValue(new DecodeOutcome.Accepted(article, true)));
        } else {
            context.forward(record.withKey(key).withValue(new DecodeOutcome.Accepted(article.withId(key), false)));
        }
    }

    private void reject(Record<String, byte[]> record, String reason) {
        deadLetters.record();
        Headers headers = new RecordHeaders(record.headers().toArray());
        headers.add(DeadLetterHeaders.REASON, utf8(reason));
        byte[] value = record.value();
        if (value != null && value.length > maxArticleBytes) {
            // The dead letter must fit Kafka's request limits: keep a prefix; the whole value stays
            // in the source topic at the partition/offset named below.
            headers.add(DeadLetterHeaders.ORIGINAL_BYTES, utf8(Integer.toString(value.length)));
            value = Arrays.copyOf(value, maxArticleBytes);
        }
        context.recordMetadata().ifPresent(source -> {
            headers.add(DeadLetterHeaders.TOPIC, utf8(source.topic()));
            headers.add(DeadLetterHeaders.PARTITION, utf8(Integer.toString(source.partition())));
            headers.add(DeadLetterHeaders.OFFSET, utf8(Long.toString(source.offset())));
        });
        context.forward(new Record<String, DecodeOutcome>(
                record.key(), new DecodeOutcome.Rejected(reason, value), record.timestamp(), headers));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
