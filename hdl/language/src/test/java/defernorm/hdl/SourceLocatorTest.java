package defernorm.hdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defernorm.hdl.ir.Design;
import defernorm.hdl.ir.Node;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** SourceLocator's two ways to the user's line (a stack trace on shallow stacks, the walker on deep ones) agree. */
class SourceLocatorTest {
    @Test void aShallowStackAndADeepOneGiveTheSameLines() throws InterruptedException {
        Design underTheTestRunner = Elaborator.elaborate(new NamingTest.Sum(true));
        assertTrue(SourceLocator.usesWalker(), "the test runner's stack is deep: the walker");

        AtomicReference<Design> inAFreshThread = new AtomicReference<>();
        AtomicBoolean walked = new AtomicBoolean(true);
        Thread t = new Thread(() -> {
            inAFreshThread.set(Elaborator.elaborate(new NamingTest.Sum(true)));
            walked.set(SourceLocator.usesWalker());
        });
        t.start();
        t.join();
        assertFalse(walked.get(), "a fresh thread's stack is shallow: a stack trace");

        assertEquals(underTheTestRunner, inAFreshThread.get(), "same netlist, same source lines");
        assertTrue(inAFreshThread.get().topModule().nodes().stream().map(Node::loc)
                .allMatch(at -> at.file().equals("NamingTest.java") && at.line() > 0), inAFreshThread.get().toString());
    }
}
