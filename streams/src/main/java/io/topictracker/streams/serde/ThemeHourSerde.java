package io.topictracker.streams.serde;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link ThemeHour} as {@code utf8(theme) 0x00 bigEndian(hour ^ Long.MIN_VALUE)}: stores compare
 * keys as unsigned bytes, so this orders by theme then hour (negative hours included).
 */
public final class ThemeHourSerde implements Serde<ThemeHour> {

    @Override
    public Serializer<ThemeHour> serializer() {
        return (topic, key) -> {
            if (key == null) {
                return null;
            }
            byte[] theme = key.theme().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(theme.length + 1 + Long.BYTES)
                    .put(theme)
                    .put((byte) 0)
                    .putLong(key.hour() ^ Long.MIN_VALUE)
                    .array();
        };
    }

    @Override
    public Deserializer<ThemeHour> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            int themeLength = bytes.length - 1 - Long.BYTES;
            String theme = new String(bytes, 0, themeLength, StandardCharsets.UTF_8);
            long hour = ByteBuffer.wrap(bytes, themeLength + 1, Long.BYTES).getLong() ^ Long.MIN_VALUE;
            return new ThemeHour(theme, hour);
        };
    }
}
