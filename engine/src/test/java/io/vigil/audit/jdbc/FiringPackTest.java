package io.vigil.audit.jdbc;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiringPackTest {

    private static final String VERSION = "ab".repeat(32);

    private static StoredFiring firing(long id, long at, String rule, String facts, String eventIds, String outcome) {
        return new StoredFiring(id, at, rule, "rules.classify", VERSION, facts, eventIds, outcome);
    }

    @Test
    void shouldGiveBackEveryFiringExactly() {
        List<StoredFiring> firings = List.of(
                firing(41, 1_767_607_200_000L, "Category", "[{\"type\":\"Event\",\"id\":\"event:7\"}]", "7", "updated event:7"),
                // the clock may stand still or (another session) be earlier; ids may skip
                firing(42, 1_767_607_200_000L, "Report", "[{\"type\":\"Event\",\"id\":\"event:7\"}]", "7", "EventClassified[…]"),
                firing(50, 1_767_607_199_990L, "Category", "[]", null, ""),
                firing(51, 0, "Ünïcödé ✓ rule", "[{\"summary\":\"naïve 🚀\"}]", "1,2,3", "line 1\nline 2"));

        assertThat(FiringPack.decode(FiringPack.encode(firings))).containsExactlyElementsOf(firings);
    }

    @Test
    void shouldStoreARepeatedTextOnceAndDeflateTheRest() {
        List<StoredFiring> firings = new ArrayList<>();
        String facts = "[{\"type\":\"Event\",\"id\":\"event:1\",\"summary\":\"" + "x".repeat(200) + "\"}]";
        for (int i = 1; i <= 1_000; i++) {
            firings.add(firing(i, i, "Category", facts, "1", "updated event:1"));
        }

        byte[] body = FiringPack.encode(firings);

        assertThat(body[0]).isEqualTo((byte) FiringPack.FORMAT);
        assertThat(body.length).isLessThan(8_000);
        assertThat(FiringPack.decode(body)).containsExactlyElementsOf(firings);
    }

    @Test
    void shouldBeAZlibStreamAfterItsFormatByte() throws Exception {
        byte[] body = FiringPack.encode(List.of(firing(1, 5, "R", "[]", null, "ok")));

        Inflater inflater = new Inflater();
        inflater.setInput(body, 1, body.length - 1);
        byte[] raw = new byte[100];
        int n = inflater.inflate(raw);
        inflater.end();

        // count 1, id 1, fired_at 5 (zigzag 10), then "R" as a new text: 1, length 1, 'R'
        assertThat(Arrays.copyOf(raw, 6)).containsExactly(1, 1, 10, 1, 1, 'R');
        assertThat(new String(raw, 0, n, StandardCharsets.UTF_8)).contains("rules.classify", VERSION, "[]", "ok");
    }

    @Test
    void shouldRefuseWhatIsNotAnIntactPack() {
        byte[] body = FiringPack.encode(List.of(firing(1, 5, "R", "[]", null, "ok"), firing(2, 6, "S", "[]", "9", "ok")));

        assertThatThrownBy(() -> FiringPack.decode("not a pack".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a firing pack of format 1");
        assertThatThrownBy(() -> FiringPack.decode(Arrays.copyOf(body, body.length - 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firing pack");
        assertThatThrownBy(() -> FiringPack.decode(FiringPack.encode(List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("firing pack holds no firings");
        byte[] flipped = body.clone();
        flipped[body.length / 2] ^= 0x55;
        assertThatThrownBy(() -> FiringPack.decode(flipped)).isInstanceOf(IllegalArgumentException.class);
    }
}
