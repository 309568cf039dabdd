package defernorm.cosim.testbench;

import defernorm.cosim.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.LongConsumer;

/**
 * Fork/join testbench threads in lockstep with the clock, as cocotb coroutines and SpinalSim's fork:
 * each {@link #fork forked} task is a virtual thread that drives and reads the simulation and calls
 * {@link #step()} to wait for the next rising edge. Every cycle the tasks run one at a time, in the order
 * they were forked, each until it steps or ends; then the {@link #onEdge samplers} see the settled values
 * (after every task has poked its inputs, so a handshake's outcome does not depend on task order); then
 * the clock rises. Only one thread touches the simulation at a time, so no locking is needed in tasks.
 *
 * <pre>{@code
 * Testbench tb = new Testbench(sim);
 * Port a = sim.port("a"), y = sim.port("y");
 * tb.fork("driver", () -> { for (int i = 0; i < 10; i++) { a.poke(i); tb.step(); } });
 * Testbench.Task checker = tb.fork("checker", () -> { tb.step(2); y.expect(2); });
 * tb.run(100);   // until every task has ended; at most 100 cycles
 * }</pre>
 */
public final class Testbench implements AutoCloseable {
    private final Simulation sim;
    private final List<Task> tasks = new ArrayList<>();
    private final List<LongConsumer> samplers = new ArrayList<>();
    private final ThreadLocal<Task> current = new ThreadLocal<>();
    private long cycles;
    private volatile boolean closed;

    public Testbench(Simulation sim) { this.sim = Objects.requireNonNull(sim, "sim"); }

    public Simulation simulation() { return sim; }

    /** Cycles this testbench has clocked. */
    public long cycles() { return cycles; }

    /**
     * Starts {@code body} as a task; it first runs in the current cycle (if forked from a task, right after
     * that task yields) and then once per cycle between its {@link #step()} calls.
     */
    public Task fork(String name, Runnable body) { return add(name, body, false); }

    /**
     * Like {@link #fork}, for a task that runs as long as the clock does (a driver): {@link #run} does not
     * wait for it to end, and {@link #close} ends it.
     */
    public Task forkDaemon(String name, Runnable body) { return add(name, body, true); }

    private Task add(String name, Runnable body, boolean daemon) {
        if (closed) throw new IllegalStateException("the testbench is closed");
        Task t = new Task(name, body, daemon);
        tasks.add(t);
        return t;
    }

    /**
     * Adds a sampler, called every cycle with the cycle number after every task has run and before the
     * clock rises: where drivers and monitors decide which handshakes happened.
     */
    public void onEdge(LongConsumer sampler) { samplers.add(Objects.requireNonNull(sampler, "sampler")); }

    /** From a task: waits for the next rising edge. */
    public void step() {
        Task t = current.get();
        if (t == null) throw new IllegalStateException("Testbench.step() is for forked tasks; the test itself calls run()");
        t.yieldToScheduler();
    }

    /** From a task: waits for {@code n} rising edges. */
    public void step(int n) {
        for (int i = 0; i < n; i++) step();
    }

    /**
     * Clocks the simulation until every task (but the daemons) has ended; throws if that takes more than {@code maxCycles}
     * (naming the tasks still running) or if a task throws (its error, naming the task).
     */
    public void run(long maxCycles) {
        long start = cycles;
        while (tasks.stream().anyMatch(t -> !t.done && !t.daemon)) {
            if (cycles - start >= maxCycles) {
                throw new IllegalStateException("testbench tasks still running after " + maxCycles + " cycles: "
                        + String.join(", ", tasks.stream().filter(t -> !t.done && !t.daemon).map(t -> t.name).toList()));
            }
            cycle();
        }
    }

    /** Clocks exactly {@code n} cycles, whatever the tasks do (they may run forever, like a clock-driven source). */
    public void runCycles(long n) {
        for (long i = 0; i < n; i++) cycle();
    }

    /** Ends every task still waiting for a clock edge (tasks that loop forever, like free-running drivers). */
    @Override public void close() {
        closed = true;
        for (Task t : tasks) if (t.thread != null && !t.done) t.run.release();
    }

    private void cycle() {
        if (closed) throw new IllegalStateException("the testbench is closed");
        // Tasks forked during this cycle run in it too, after their parent.
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            if (!t.done) t.resume();
        }
        for (LongConsumer s : samplers) s.accept(cycles);
        sim.step();
        cycles++;
    }

    /** A forked task: {@link #join} waits for it from another task. */
    public final class Task {
        private final String name;
        private final Runnable body;
        private final boolean daemon;
        private final Semaphore run = new Semaphore(0);
        private final Semaphore yielded = new Semaphore(0);
        private Thread thread;
        private volatile boolean done;
        private volatile Throwable error;

        private Task(String name, Runnable body, boolean daemon) {
            this.name = Objects.requireNonNull(name, "name");
            this.body = Objects.requireNonNull(body, "body");
            this.daemon = daemon;
        }

        public String name() { return name; }

        public boolean done() { return done; }

        /** From another task: steps until this task has ended (at once if it has). */
        public void join() {
            while (!done) step();
        }

        /** Scheduler side: runs the task until it steps or ends; rethrows its error. */
        private void resume() {
            if (thread == null) {
                thread = Thread.ofVirtual().name("testbench-" + name).unstarted(this::body);
                thread.start();
            } else {
                run.release();
            }
            yielded.acquireUninterruptibly();
            if (error != null) {
                Throwable e = error;
                if (e instanceof RuntimeException r) throw new TaskFailed(name, cycles, r);
                if (e instanceof Error err) throw err;
                throw new TaskFailed(name, cycles, new RuntimeException(e));
            }
        }

        private void body() {
            current.set(this);
            try {
                body.run();
            } catch (Closed c) {
                // the testbench was closed while this task waited for an edge
            } catch (Throwable t) {
                error = t;
            } finally {
                done = true;
                yielded.release();
            }
        }

        /** Task side: hands control back to the scheduler until the next cycle. */
        private void yieldToScheduler() {
            yielded.release();
            run.acquireUninterruptibly();
            if (closed) throw new Closed();
        }
    }

    /** Unwinds a task's thread when the testbench closes. */
    private static final class Closed extends RuntimeException {
        Closed() { super(null, null, false, false); }
    }

    /** A task threw: names the task and the cycle; the task's exception is the cause. */
    public static final class TaskFailed extends RuntimeException {
        TaskFailed(String task, long cycle, RuntimeException cause) {
            super("testbench task " + task + " failed at cycle " + cycle + ": " + cause.getMessage(), cause);
        }
    }
}
