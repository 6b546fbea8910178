package io.topictracker.producer.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.topictracker.producer.source.LineReader.Line;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void shouldSplitOnLfAndCrlfAndKeepLastLineWithoutNewline() throws IOException {
        assertEquals(List.of("a", "", "b", "c"), texts(reader("a\n\r\nb\r\nc")));
    }

    @Test
    void shouldNotAddEmptyLineAfterFinalNewline() throws IOException {
        assertEquals(List.of("a"), texts(reader("a\n")));
    }

    @Test
    void shouldGiveNoLinesForEmptyInput() throws IOException {
        assertNull(reader("").next());
    }

    @Test
    void shouldDropByteOrderMarkOnFirstLineOnly() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] input = concat(bom, "a\n".getBytes(UTF_8), bom, "b\n".getBytes(UTF_8));

        LineReader reader = new LineReader(new ByteArrayInputStream(input));

        assertArrayEquals("a".getBytes(UTF_8), reader.next().bytes());
        assertArrayEquals(concat(bom, "b".getBytes(UTF_8)), reader.next().bytes());
    }

    @Test
    void shouldNumberLinesFromOne() throws IOException {
        LineReader reader = reader("x\ny\n");

        assertEquals(1, reader.next().number());
        assertEquals(2, reader.next().number());
    }

    @Test
    void shouldJoinLineSpanningSeveralBufferFills() throws IOException {
        String longLine = "x".repeat(200_000);

        assertEquals(List.of(longLine, "tail"), texts(reader(longLine + "\r\ntail\n")));
    }

    @Test
    void shouldFlagOverlongLineAndGoOnWithTheNext() throws IOException {
        byte[] huge = new byte[LineReader.MAX_LINE_BYTES + 1];
        Arrays.fill(huge, (byte) 'x');
        LineReader reader = new LineReader(new ByteArrayInputStream(concat(huge, "\nnext\n".getBytes(UTF_8))));

        Line first = reader.next();
        Line second = reader.next();

        assertTrue(first.tooLong());
        assertEquals(0, first.bytes().length, "an overlong line is not kept in memory");
        assertFalse(second.tooLong());
        assertEquals(new String(second.bytes(), UTF_8), "next");
        assertEquals(2, second.number());
    }

    @Test
    void shouldHandOverBytesNotYetReadAsLines() throws IOException {
        LineReader reader = reader("first\nsecond\nthird");
        reader.next();

        assertEquals("second\nthird", new String(reader.remaining().readAllBytes(), UTF_8));
    }

    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(UTF_8)));
    }

    private static List<String> texts(LineReader reader) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Line line = reader.next(); line != null; line = reader.next()) {
            texts.add(new String(line.bytes(), UTF_8));
        }
        return texts;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
