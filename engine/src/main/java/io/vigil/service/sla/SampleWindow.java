package io.vigil.service.sla;

import java.io.Serializable;
import java.util.BitSet;

/**
 * The samples of one SLA window as a ring of two bits per sample (counted, complies), so a month
 * of 5-minute samples costs about 2 KB per service whatever the uptime. Samples are numbered
 * {@code at / samplePeriod}; the ring holds the last {@code slots} numbers, and numbers skipped
 * (no sample taken) are cleared as the window passes them.
 */
final class SampleWindow implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long NONE = Long.MIN_VALUE;

    private final int slots;
    private final BitSet counted;
    private final BitSet complying;
    private long last = NONE;
    private int countedTotal;
    private int complyingTotal;

    SampleWindow(int slots) {
        this.slots = slots;
        this.counted = new BitSet(slots);
        this.complying = new BitSet(slots);
    }

    /** Records sample {@code number} (greater than any before) and drops those that left the window. */
    void record(long number, SampleOutcome outcome) {
        if (last != NONE) {
            long leaving = Math.min(number - last, slots);
            for (long k = 0; k < leaving; k++) {
                clear(slot(number - k));
            }
        }
        int slot = slot(number);
        if (outcome.counted()) {
            counted.set(slot);
            countedTotal++;
            if (outcome == SampleOutcome.COMPLIES) {
                complying.set(slot);
                complyingTotal++;
            }
        }
        last = number;
    }

    int counted() {
        return countedTotal;
    }

    int complying() {
        return complyingTotal;
    }

    private void clear(int slot) {
        if (counted.get(slot)) {
            counted.clear(slot);
            countedTotal--;
            if (complying.get(slot)) {
                complying.clear(slot);
                complyingTotal--;
            }
        }
    }

    private int slot(long number) {
        return (int) Math.floorMod(number, (long) slots);
    }
}
