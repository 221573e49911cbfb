package io.vigil.audit.jdbc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The body of a {@code rule_firing_pack} row: consecutive routine firings, every column of each
 * kept exactly, so that each firing can be shown and its hash recomputed as if it had a row.
 *
 * <p>Format (version 1): one byte {@code 1}, then a zlib stream (RFC 1950, what {@code zlib.decompress}
 * reads) holding: the number of firings; then per firing its id (the first as is, then the difference
 * to the previous id), its fired_at in epoch ms (the first as is, then the difference, zigzag-encoded),
 * and six texts: rule_name, rule_package, ruleset_version, facts, event_ids, outcome. Numbers are
 * unsigned LEB128 varints. A text is a varint {@code n}: 0 for NULL; 1 for a new text that follows
 * (its UTF-8 length as a varint, then its bytes), which also becomes the next entry of the pack's
 * table of texts; 2 for the same text as this column of the previous firing; {@code n ≥ 3} for entry
 * {@code n-3} of the table. Routine firings repeat rule names (looked up in the table) and, within
 * one event, the same matched facts (the previous firing's), so these references do most of the
 * packing and deflate (fastest level) the rest.
 */
final class FiringPack {

    static final int FORMAT = 1;

    private FiringPack() {
    }

    static byte[] encode(List<StoredFiring> firings) {
        return encode(firings, 64 * 1024);
    }

    /** @param expectedBytes about what the firings take before deflating: the buffer starts that large */
    static byte[] encode(List<StoredFiring> firings, int expectedBytes) {
        Writer out = new Writer(expectedBytes);
        out.varint(firings.size());
        StoredFiring previous = new StoredFiring(0, 0, null, null, null, null, null, null);
        for (StoredFiring firing : firings) {
            out.varint(firing.id() - previous.id());
            out.varint(zigzag(firing.firedAt() - previous.firedAt()));
            // Names repeat across the pack: the table. Facts repeat from one firing to the next.
            out.named(firing.rule());
            out.named(firing.rulePackage());
            out.named(firing.ruleSetVersion());
            out.text(firing.facts(), previous.facts());
            out.text(firing.eventIds(), previous.eventIds());
            out.text(firing.outcome(), previous.outcome());
            previous = firing;
        }
        return deflate(out.bytes, out.size);
    }

    /** @throws IllegalArgumentException when the body is not a pack this version can read (damaged or altered) */
    static List<StoredFiring> decode(byte[] body) {
        if (body.length == 0 || body[0] != FORMAT) {
            throw new IllegalArgumentException("not a firing pack of format " + FORMAT);
        }
        Reader in = new Reader(inflate(body));
        int count = Math.toIntExact(in.varint());
        if (count < 1) {
            // A pack is written only for at least one firing; an empty one would hide its prev_hash and hash.
            throw new IllegalArgumentException("firing pack holds no firings");
        }
        List<StoredFiring> firings = new ArrayList<>(Math.min(count, 100_000));
        StoredFiring previous = new StoredFiring(0, 0, null, null, null, null, null, null);
        for (int i = 0; i < count; i++) {
            long id = previous.id() + in.varint();
            long at = previous.firedAt() + unzigzag(in.varint());
            StoredFiring firing = new StoredFiring(id, at, in.text(previous.rule()), in.text(previous.rulePackage()),
                    in.text(previous.ruleSetVersion()), in.text(previous.facts()), in.text(previous.eventIds()),
                    in.text(previous.outcome()));
            firings.add(firing);
            previous = firing;
        }
        if (in.position != in.bytes.length) {
            throw new IllegalArgumentException("firing pack has " + (in.bytes.length - in.position) + " bytes after its last firing");
        }
        return firings;
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    private static long unzigzag(long value) {
        return (value >>> 1) ^ -(value & 1);
    }

    private static byte[] deflate(byte[] raw, int length) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw, 0, length);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
            out.write(FORMAT);
            byte[] chunk = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] body) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body, 1, body.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 6);
            byte[] chunk = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("firing pack is cut short");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("firing pack is not a valid zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static final class Writer {
        byte[] bytes;
        int size;
        /** The table entries that are names, by text; every new text takes an entry, names or not. */
        final Map<String, Integer> names = new HashMap<>();
        int tableSize;

        Writer(int expectedBytes) {
            bytes = new byte[Math.max(1_024, expectedBytes)];
        }

        void varint(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
        }

        /** A name: written once, then referred to in the table. */
        void named(String text) {
            if (text == null) {
                varint(0);
                return;
            }
            Integer known = names.get(text);
            if (known != null) {
                varint(known + 3L);
                return;
            }
            names.put(text, tableSize);
            fresh(text);
        }

        /** A text that may repeat the previous firing's. */
        void text(String text, String previous) {
            if (text == null) {
                varint(0);
            } else if (text.equals(previous)) {
                varint(2);
            } else {
                fresh(text);
            }
        }

        private void fresh(String text) {
            tableSize++;
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            varint(1);
            varint(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    private static final class Reader {
        final byte[] bytes;
        int position;
        final List<String> texts = new ArrayList<>();

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= bytes.length) {
                    throw new IllegalArgumentException("firing pack ends inside a number");
                }
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("firing pack holds a number longer than 64 bits");
        }

        String text(String previous) {
            long n = varint();
            if (n == 0) {
                return null;
            }
            if (n == 2) {
                if (previous == null) {
                    throw new IllegalArgumentException("firing pack repeats a text the previous firing does not have");
                }
                return previous;
            }
            if (n == 1) {
                int length = Math.toIntExact(varint());
                if (length < 0 || length > bytes.length - position) {
                    throw new IllegalArgumentException("firing pack holds a text longer than what is left of it");
                }
                String text = new String(bytes, position, length, StandardCharsets.UTF_8);
                position += length;
                texts.add(text);
                return text;
            }
            if (n - 3 >= texts.size()) {
                throw new IllegalArgumentException("firing pack refers to text " + (n - 3) + " of " + texts.size());
            }
            return texts.get((int) (n - 3));
        }
    }
}
