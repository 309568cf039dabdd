package defernorm.hdl.emit;

import defernorm.hdl.ir.Design;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emitted Verilog of the IR fixtures and the DSL examples, file by file, against
 * {@code src/test/resources/golden/<Module>.v}, so a reviewer sees exactly what an emitter change does.
 */
class VerilogEmitterGoldenTest {

    /** Every distinct module file of the fixtures and examples; the same module name must mean the same text. */
    private static Map<String, VerilogFile> goldenFiles() {
        Map<String, Design> designs = new LinkedHashMap<>(TestDesigns.fixtures());
        TestDesigns.examples().forEach((k, d) -> designs.put("example " + k, d));
        Map<String, VerilogFile> files = new LinkedHashMap<>();
        for (Design d : designs.values()) {
            for (VerilogFile f : VerilogEmitter.emit(d, EmitOptions.defaults())) {
                VerilogFile old = files.putIfAbsent(f.fileName(), f);
                if (old != null && !old.text().equals(f.text())) {
                    throw new IllegalStateException("two different modules are both named " + f.moduleName()
                            + "; parameterized modules must put their parameters in the name");
                }
            }
        }
        return files;
    }

    @TestFactory
    List<DynamicTest> emittedVerilogMatchesGoldenFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (VerilogFile f : goldenFiles().values()) {
            tests.add(DynamicTest.dynamicTest(f.fileName(), () -> Golden.check(f.fileName(), f.text())));
        }
        return tests;
    }
}
