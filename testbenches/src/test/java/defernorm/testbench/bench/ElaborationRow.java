package defernorm.testbench.bench;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** One design of the cold-elaboration bench: the median run for each JVM setup. */
record ElaborationRow(String design, Map<ElaborationJvm.Setup, ElaborationJvm.Sample> medians) {
    ElaborationRow {
        medians = new EnumMap<>(medians);
    }

    ElaborationJvm.Sample plain() { return medians.get(ElaborationJvm.Setup.PLAIN); }

    ElaborationJvm.Sample aotCache() { return medians.get(ElaborationJvm.Setup.AOT_CACHE); }

    ElaborationJvm.Sample shortRunFlags() { return medians.get(ElaborationJvm.Setup.AOT_CACHE_SHORT_RUN_FLAGS); }

    /** Each figure's median over {@code runs} (an odd count gives a figure some run really had). */
    static ElaborationJvm.Sample median(List<ElaborationJvm.Sample> runs) {
        return new ElaborationJvm.Sample(med(runs, ElaborationJvm.Sample::wallMs), med(runs, ElaborationJvm.Sample::buildNs),
                med(runs, ElaborationJvm.Sample::elaborateNs), med(runs, ElaborationJvm.Sample::emitNs),
                runs.get(0).nodes(), med(runs, ElaborationJvm.Sample::peakHeapBytes), med(runs, ElaborationJvm.Sample::cpuNs),
                med(runs, ElaborationJvm.Sample::mainCpuNs));
    }

    private static long med(List<ElaborationJvm.Sample> runs, ToLongFunction<ElaborationJvm.Sample> f) {
        List<Long> v = runs.stream().map(f::applyAsLong).sorted(Comparator.naturalOrder()).toList();
        return v.get(v.size() / 2);
    }

    /** "MAC array 16×16", "adder tree, 1024 inputs", "empty main". */
    String title() {
        if (design.startsWith("mac")) return design.substring(3).replace("x", "×") + " int8 MAC array";
        if (design.startsWith("adder")) return design.substring(5) + "-input adder tree";
        return "empty main (JVM start and exit)";
    }
}
