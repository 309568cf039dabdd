package defernorm.accel.tops;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defernorm.golden.model.LayerConfig;
import defernorm.golden.model.Op;
import defernorm.golden.model.Params;
import defernorm.golden.model.Variant;
import defernorm.accel.units.MacArray;
import defernorm.accel.units.NormFactorUnit;
import defernorm.accel.units.NormRequantize;
import defernorm.accel.units.OutputStage;
import defernorm.accel.units.ReduceOp;
import defernorm.accel.units.ReductionTree;
import defernorm.accel.units.ScaleUnit;
import defernorm.accel.units.SoftmaxFront;
import defernorm.golden.timing.PipelineDepths;
import defernorm.golden.timing.Schedule;
import defernorm.hdl.Elaborator;
import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopGeneratorTest {
    private static final Params P = new Params(12, 6, 4, 3, 2);

    @Test
    void namesCarryOpVariantAndEveryParameter() {
        assertEquals("RmsNormDeferred_n64_m32_P8_Q4_C3", TopName.of(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 3)));
        assertEquals("SoftmaxMatmul_n12_m6_P4_Q3_C2", TopName.of(Op.SOFTMAX, Variant.MATMUL, P));
    }

    @Test
    void allNineTopsElaborateWithTheCommonOutside() {
        Map<String, Design> tops = AllTops.designs(P);
        assertEquals(9, tops.size());
        for (Design d : tops.values()) {
            List<String> ports = d.topModule().nodes().stream()
                    .filter(n -> n instanceof Node.Input || n instanceof Node.Output).map(Node::name).toList();
            assertEquals(List.of("cfg_we", "cfg_addr", "cfg_wdata", "s_axis_tvalid", "s_axis_tready", "s_axis_tdata",
                    "s_axis_tlast", "m_axis_tvalid", "m_axis_tready", "m_axis_tdata", "m_axis_tlast"),
                    ports.stream().sorted((a, b) -> order(a) - order(b)).toList(), d.top());
            assertTrue(d.isClocked(d.top()));
        }
    }

    private static int order(String port) {
        return List.of("cfg_we", "cfg_addr", "cfg_wdata", "s_axis_tvalid", "s_axis_tready", "s_axis_tdata",
                "s_axis_tlast", "m_axis_tvalid", "m_axis_tready", "m_axis_tdata", "m_axis_tlast").indexOf(port);
    }

    @Test
    void everyVariantHasTheDoubleBufferedActivationBufferAndTwoDrainBanks() {
        for (Variant v : Variant.values()) {
            Design d = Elaborator.elaborate(TopGenerator.generate(Op.LAYERNORM, v, P));
            var buffer = d.modules().stream().filter(mod -> mod.name().startsWith("ActivationBuffer_")).findFirst().orElseThrow();
            assertEquals(2 * P.beats(), buffer.memories().get(0).depth(), v.name());
            var mac = d.modules().stream().filter(mod -> mod.name().startsWith("MacArray_")).findFirst().orElseThrow();
            assertTrue(mac.nodes().stream().anyMatch(n -> n.name().equals("drain1_g1_c2")), v.name());
        }
    }

    @Test
    void theDepthsAreWhatTheUnitsReport() {
        Params p = new Params(64, 32, 8, 4, 0);
        int mac = new MacArray(MacArray.Config.int8(64, 32, 8, 4)).latency();
        int reduction = new ReductionTree(ReductionTree.Config.norm(8, 8, ReduceOp.SUMSQ)).latency();
        int factor = new NormFactorUnit(Op.RMSNORM, 64, 0, ReductionTree.Config.norm(8, 8, ReduceOp.SUMSQ).acc().width()).latency();
        assertEquals(new PipelineDepths(0, 0, 0, 1, mac, new OutputStage(4, 8, 22, 0).latency(), 0), TopGenerator.depths(Op.RMSNORM, Variant.MATMUL, p));
        assertEquals(new PipelineDepths(0, reduction, factor, 1, mac, new ScaleUnit(4, 8, 22, 23, 8).latency(), 4),
                TopGenerator.depths(Op.RMSNORM, Variant.DEFERRED, p));
        assertEquals(new PipelineDepths(0, reduction, factor, 1 + new NormRequantize(Op.RMSNORM, 64, 8, 0).latency(), mac,
                new OutputStage(4, 8, 22, 4).latency(), 0), TopGenerator.depths(Op.RMSNORM, Variant.STANDARD, p));
        Schedule s = TopGenerator.schedule(Op.SOFTMAX, Variant.DEFERRED, p);
        assertEquals(new SoftmaxFront(8, 8, true).latency() + 1, s.depths().write(), "softmax deferred writes the exp front's output register");
    }

    /** {@link TopGenerator#depths} builds a small probe (Q = 1, G at most 2, C = 0): the full top must agree. */
    @Test
    void theDepthProbeReportsWhatTheFullTopBuilds() {
        Params[] shapes = {new Params(64, 32, 8, 4, 3), new Params(16, 4, 4, 4, 0), new Params(12, 18, 2, 3, 7),
                new Params(256, 96, 16, 8, 1), new Params(8, 40, 8, 5, 0)};
        for (Params p : shapes) {
            for (Op op : Op.values()) {
                for (Variant v : Variant.values()) {
                    TopShell full = (TopShell) TopGenerator.generate(op, v, p);
                    assertEquals(full.depths(), TopGenerator.depths(op, v, p), op + " " + v + " " + p);
                }
            }
        }
    }

    @Test
    void shapesThatCannotBeBuiltAreRefusedWithOneSentence() {
        var e = assertThrows(IllegalArgumentException.class, () -> TopGenerator.generate(Op.RMSNORM, Variant.DEFERRED, new Params(64, 32, 8, 4, 5000)));
        assertEquals("C must be at most 4096 cycles (one register each), got 5000.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TopGenerator.depths(Op.RMSNORM, Variant.MATMUL, new Params(512, 512, 512, 8, 0)));
        assertEquals("P must be at most 256 input lanes, got 512.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TopGenerator.generate(Op.SOFTMAX, Variant.STANDARD, new Params(256, 256, 128, 64, 0)));
        assertEquals("the MAC array must have at most 4096 MACs (P·Q), got 8192.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TopGenerator.generate(Op.LAYERNORM, Variant.STANDARD, new Params(16384, 65536, 1, 1, 0)));
        assertEquals("the weight memory must fit 1048576 words (NB·G = n/P · m/Q), got 1073741824.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TopGenerator.generate(Op.LAYERNORM, Variant.STANDARD, new Params(12, 6, 5, 3, 0)));
        assertEquals("P must divide n, but n=12 is not a multiple of P=5.", e.getMessage());
    }

    @Test
    void configMapPacksTilesBiasesAndTheConstant() {
        ConfigMap map = ConfigMap.of(Op.RMSNORM, Variant.DEFERRED, P);
        assertEquals(6, map.weightWords());          // NB*G = 3*2
        assertEquals(6, map.biasBase());
        assertEquals(8, map.constAddr());
        assertEquals(4 * 3 * 8, map.weightBits());
        assertEquals(3 * 32, map.dataBits());
        assertEquals(-1, ConfigMap.of(Op.RMSNORM, Variant.MATMUL, P).constAddr());

        byte[][] w = new byte[12][6];
        for (int i = 0; i < 12; i++) for (int j = 0; j < 6; j++) w[i][j] = (byte) (i * 6 + j - 40);
        long[] bias = {1, -2, 3, -4, 5, -6};
        List<ConfigImage.Word> words = ConfigImage.of(new LayerConfig(Op.RMSNORM, P, w, bias, 77), Variant.DEFERRED);
        assertEquals(9, words.size());
        // word k*G+g = 1*2+1: tile rows 4..7, columns 3..5; lane (r*Q+c) = (0*3+0) is W[4][3]
        BigInteger tile = words.get(3).data();
        assertEquals(w[4][3] & 0xff, tile.and(BigInteger.valueOf(0xff)).intValue());
        assertEquals(w[7][5] & 0xff, tile.shiftRight((3 * 3 + 2) * 8).and(BigInteger.valueOf(0xff)).intValue());
        assertEquals(BigInteger.valueOf(-2).and(BigInteger.valueOf(0xffffffffL)), words.get(6).data().shiftRight(32).and(BigInteger.valueOf(0xffffffffL)));
        assertEquals(new ConfigImage.Word(8, BigInteger.valueOf(77)), words.get(8));
    }

    @Test
    void sidecarDescribesTheTopForOtherTools(@TempDir Path dir) throws Exception {
        Design d = Elaborator.elaborate(TopGenerator.generate(Op.SOFTMAX, Variant.DEFERRED, P));
        Path file = TopSidecar.write(Op.SOFTMAX, Variant.DEFERRED, P, d, dir);
        assertEquals(d.top() + ".json", file.getFileName().toString());
        JsonNode j = new ObjectMapper().readTree(Files.readString(file));
        assertEquals(d.top(), j.get("top").asText());
        assertEquals(4, j.at("/parameters/P").asInt());
        assertEquals(3, j.at("/parameters/NB").asInt());
        assertEquals(96, j.at("/streams/m_axis/tdataBits").asInt());
        assertTrue(j.get("reset").asText().contains("configuration (weights, biases, the constant word) survives"));
        assertEquals(16, j.at("/formats/output/fracBits").asInt());
        assertEquals("scoreMultiplier", j.at("/config/regions/2/name").asText());
        Schedule s = TopGenerator.schedule(Op.SOFTMAX, Variant.DEFERRED, P);
        assertEquals(s.tokenLatency(), j.at("/timing/latencyCycles").asLong());
        assertEquals(s.cyclesPerToken(), j.at("/timing/cyclesPerToken").asDouble());
        assertEquals(s.hidingLimit(), j.at("/timing/hidingLimit").asLong());
        assertEquals(s.depths().write(), j.at("/timing/pipelineDepths/write").asInt());
        assertEquals(s.depths().factor(), j.at("/timing/pipelineDepths/factor").asInt());
        assertEquals(4, j.at("/timing/pipelineDepths/factorSlots").asInt());
        boolean hasCfg = false;
        for (JsonNode port : j.get("ports")) {
            if (port.get("name").asText().equals("cfg_wdata")) {
                hasCfg = true;
                assertEquals(ConfigMap.of(Op.SOFTMAX, Variant.DEFERRED, P).dataBits(), port.get("width").asInt());
            }
        }
        assertTrue(hasCfg);
    }
}
