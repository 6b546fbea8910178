package io.topictracker.producer.source;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so each line can be checked for NUL bytes
 * and invalid UTF-8 on its own and a bad line is reported with its own number. (A decoding
 * {@link java.io.BufferedReader} would fail somewhere ahead of the line being processed.)
 *
 * <p>Lines end at {@code \n}; a trailing {@code \r} and a UTF-8 byte order mark on line 1 are
 * dropped. A line longer than {@link #MAX_LINE_BYTES} is returned empty and flagged, so one
 * runaway line cannot exhaust memory.
 */
final class LineReader {

    /** Far above any real article; Kafka's default request limit is 1 MiB anyway. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * One line without its terminator.
     *
     * @param number 1-based line number
     * @param tooLong the line exceeded {@link #MAX_LINE_BYTES}; {@code bytes} is then empty
     */
    record Line(long number, byte[] bytes, boolean tooLong) {}

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] scratch = new byte[256];
    private long number;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or {@code null} at the end of input. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawBytes = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawBytes) {
                    return null;
                }
                break;
            }
            sawBytes = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline;
            int count = end - position;
            if (!tooLong && length + count > MAX_LINE_BYTES) {
                tooLong = true;
                length = 0;
            }
            if (!tooLong) {
                if (length + count > scratch.length) {
                    scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, length + count));
                }
                System.arraycopy(buffer, position, scratch, length, count);
                length += count;
            }
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        number++;
        if (length > 0 && scratch[length - 1] == '\r') {
            length--;
        }
        int start = number == 1 && startsWith(scratch, length, UTF8_BOM) ? UTF8_BOM.length : 0;
        return new Line(number, Arrays.copyOfRange(scratch, start, length), tooLong);
    }

    /**
     * The bytes not yet returned as lines, for a parser that takes over the rest of the input.
     * Closing it leaves the underlying stream open: that belongs to the caller (it may be stdin).
     */
    InputStream remaining() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, position, limit - position), new KeepOpen(in));
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Shields a stream from {@code close()}: {@link SequenceInputStream} closes each part when it
     * is used up, and parsers close their source, but the caller still owns it.
     */
    private static final class KeepOpen extends FilterInputStream {

        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the stream belongs to whoever opened it
        }
    }
}
