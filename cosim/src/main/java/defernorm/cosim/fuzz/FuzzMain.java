package defernorm.cosim.fuzz;

/**
 * {@code make fuzz}: runs (or resumes) a campaign to the given number of designs and prints its closing line
 * {@code fuzz: N designs, D disagreements, R rejected by a tool}. Exit status 0 when nothing was found, 1
 * when some design disagreed or was rejected, 2 on bad arguments.
 *
 * <pre>{@code
 * java -cp testbenches/target/defernorm.jar defernorm.cosim.fuzz.FuzzMain --designs 10000 --per-build 40
 * }</pre>
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) {
        FuzzConfig d = FuzzConfig.defaults(1000);
        long designs = d.designs();
        int perBuild = d.perBuild(), icarusEvery = d.icarusEvery(), cycles = d.cycles();
        try {
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--designs" -> designs = Long.parseLong(v);
                    case "--per-build" -> perBuild = Integer.parseInt(v);
                    case "--icarus-every" -> icarusEvery = Integer.parseInt(v);
                    case "--cycles" -> cycles = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "' (options: --designs N, --per-build N, --icarus-every N, --cycles N)");
                }
                i++;
            }
            FuzzConfig config = new FuzzConfig(d.seed(), designs, perBuild, icarusEvery, cycles, d.stateFile(),
                    d.reproducers(), d.work(), d.maxChecks());
            FuzzState end = new FuzzCampaign(config, System.out).run();
            System.exit(end.disagreements() + end.rejected() == 0 ? 0 : 1);
        } catch (NumberFormatException | NullPointerException e) {
            System.err.println("fuzz: every option needs a whole number after it");
            System.exit(2);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
