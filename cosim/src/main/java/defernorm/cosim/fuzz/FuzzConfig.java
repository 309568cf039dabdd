package defernorm.cosim.fuzz;

import java.nio.file.Path;

/**
 * How a campaign runs.
 *
 * @param seed          the campaign seed (used only when no state file exists yet)
 * @param designs       run until this many designs in all (across resumed runs)
 * @param perBuild      designs side by side in one Verilator build
 * @param icarusEvery   every this many batches also run through Icarus (1 = all)
 * @param cycles        stimulus cycles per design
 * @param stateFile     where the campaign's progress is saved after each batch
 * @param reproducers   where minimized reproducers are saved (the directory a normal test replays)
 * @param work          scratch space (its own Verilator cache, Icarus runs), cleaned as it goes
 * @param maxChecks     tool runs one minimization may spend
 */
public record FuzzConfig(long seed, long designs, int perBuild, int icarusEvery, int cycles, Path stateFile,
                         Path reproducers, Path work, int maxChecks) {
    public FuzzConfig {
        if (designs < 0 || perBuild < 1 || icarusEvery < 1 || cycles < 1 || maxChecks < 0) {
            throw new IllegalArgumentException("fuzz: designs >= 0, per-build >= 1, icarus-every >= 1, cycles >= 1 and max-checks >= 0 are required");
        }
    }

    /** The defaults {@code make fuzz} uses, from the repository root. */
    public static FuzzConfig defaults(long designs) {
        Path root = Path.of("rtl-out", "fuzz");
        return new FuzzConfig(1, designs, 40, 2, 100, root.resolve("state.properties"),
                Path.of("cosim", "src", "test", "resources", "fuzz-reproducers"), root.resolve("work"), 150);
    }
}
