package defernorm.cosim.bench;

import defernorm.cosim.Simulation;

/**
 * The observer doing exactly the native loop's work per cycle: fold every output into the loop's checksum.
 * With the xorshift stimulus on the other side, a batch then does what the native C++ loop does, from
 * Java, and its checksum must equal the loop's over the same cycles (every output bit for bit).
 */
final class ChecksumObserver implements Simulation.Observer {
    private final int[] widths;
    private final Checksum checksum = new Checksum();

    ChecksumObserver(BenchCase bench) {
        this.widths = bench.outputWidths().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override public void observe(long cycle, Simulation.OutputRow row) {
        for (int i = 0; i < widths.length; i++) checksum.add(row.get(i), widths[i]);
    }

    long checksum() { return checksum.value(); }
}
