package defernorm.hdl;

import defernorm.hdl.ir.SourceLoc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** A statement of a module body as recorded by the builder: a {@code set}, or a when/switch chain. */
sealed interface Stmt permits Stmt.Set, Stmt.Chain {

    record Set(Net target, Net value, SourceLoc loc) implements Stmt {}

    /** A when/elseWhen/otherwise (or switch) chain: the first arm whose condition holds runs. */
    final class Chain implements Stmt {
        final SourceLoc loc;
        final List<Arm> arms = new ArrayList<>();
        Block otherwise;
        SourceLoc otherwiseLoc;

        Chain(SourceLoc loc) { this.loc = loc; }
    }

    record Arm(Net cond, Block body, SourceLoc loc) {}

    /** A sequence of statements; remembers which nets it sets directly, to catch double drivers. */
    final class Block {
        final List<Stmt> stmts = new ArrayList<>();
        final Map<Net, SourceLoc> directSets = new IdentityHashMap<>();
        final boolean root;

        Block(boolean root) { this.root = root; }
    }
}
