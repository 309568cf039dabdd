package defernorm.testbench.check;

import java.util.List;

/**
 * A stream cut short by a reset: {@code abandoned} tokens are streamed for {@code cycles} cycles, then
 * {@code rst} is raised, the configuration reloaded and the checked stream starts from a clean state.
 * Whatever was in flight must vanish: nothing of it may come out after the reset.
 *
 * <pre>{@code new MidStreamReset(RandomTokens.of(16, 3, 9L), 25)}</pre>
 */
public record MidStreamReset(List<byte[]> abandoned, int cycles) {
    public MidStreamReset {
        abandoned = List.copyOf(abandoned);
        if (cycles < 0) throw new IllegalArgumentException("the reset point must not be negative: " + cycles);
    }
}
