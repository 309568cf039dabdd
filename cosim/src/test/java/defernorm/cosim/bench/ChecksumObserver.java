package defernorm.cosim.bench;

import defernorm.cosim.Simulation;

/**
 * The observer doing exactly the native loop's work per cycle: fold every output into the loop's checksum,
 * a block of cycles at a time. With the xorshift block stimulus on the other side
 * ({@link CheckingObserver#blockStimulus}), a batch then does what the native C++ loop does, from Java, and
 * its checksum must equal the loop's over the same cycles (every output bit for bit).
 */
final class ChecksumObserver implements Simulation.BlockObserver {
    private final int[] widths;
    private final Checksum checksum = new Checksum();

    ChecksumObserver(BenchCase bench) {
        this.widths = bench.outputWidths().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override public void observe(long first, int count, long[][] out) {
        for (int k = 0; k < count; k++) {
            for (int j = 0; j < widths.length; j++) checksum.add(out[j][k], widths[j]);
        }
    }

    long checksum() { return checksum.value(); }
}
