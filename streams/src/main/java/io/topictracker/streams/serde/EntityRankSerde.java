package io.topictracker.streams.serde;

import io.topictracker.extract.EntityType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link EntityRank} as {@code [type ordinal][MAX - articles][MAX - mentions][utf8 name]}, big-endian:
 * unsigned byte order is type, then most articles first, most mentions first, then name.
 */
public final class EntityRankSerde implements Serde<EntityRank> {

    private static final int HEADER = 1 + 2 * Long.BYTES;

    /** The prefix of one type's rows, for {@code prefixScan}. */
    public static Serializer<EntityType> typePrefix() {
        return (topic, type) -> new byte[] {(byte) type.ordinal()};
    }

    @Override
    public Serializer<EntityRank> serializer() {
        return (topic, rank) -> {
            if (rank == null) {
                return null;
            }
            byte[] name = rank.name().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(HEADER + name.length)
                    .put((byte) rank.type().ordinal())
                    .putLong(Long.MAX_VALUE - rank.articles())
                    .putLong(Long.MAX_VALUE - rank.mentions())
                    .put(name)
                    .array();
        };
    }

    @Override
    public Deserializer<EntityRank> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            EntityType type = EntityType.values()[buffer.get()];
            long articles = Long.MAX_VALUE - buffer.getLong();
            long mentions = Long.MAX_VALUE - buffer.getLong();
            String name = new String(bytes, HEADER, bytes.length - HEADER, StandardCharsets.UTF_8);
            return new EntityRank(type, articles, mentions, name);
        };
    }
}
