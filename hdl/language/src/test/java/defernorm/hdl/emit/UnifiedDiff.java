package defernorm.hdl.emit;

import java.util.ArrayList;
import java.util.List;

/** A small line diff (LCS) printed in unified style, so a golden-file mismatch shows exactly what changed. */
final class UnifiedDiff {
    private UnifiedDiff() {}

    private static final int CONTEXT = 3;

    static String diff(String expectedName, String expected, String actualName, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // Edit script: ' ', '-', '+' with the line indexes in a and b.
        List<char[]> ops = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new char[]{' '}); at.add(new int[]{i++, j++});
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add(new char[]{'+'}); at.add(new int[]{i, j++});
            } else {
                ops.add(new char[]{'-'}); at.add(new int[]{i++, j});
            }
        }
        StringBuilder out = new StringBuilder("--- " + expectedName + "\n+++ " + actualName + "\n");
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == ' ') { k++; continue; }
            int start = Math.max(0, k - CONTEXT), end = k;
            // extend the hunk while changes are closer than 2*CONTEXT apart
            int lastChange = k;
            while (end < ops.size() && end - lastChange <= 2 * CONTEXT) {
                if (ops.get(end)[0] != ' ') lastChange = end;
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            out.append("@@ -").append(at.get(start)[0] + 1).append(" +").append(at.get(start)[1] + 1).append(" @@\n");
            for (int h = start; h < end; h++) {
                char op = ops.get(h)[0];
                String text = op == '+' ? b.get(at.get(h)[1]) : a.get(at.get(h)[0]);
                out.append(op).append(text).append('\n');
            }
            k = end;
        }
        return out.toString();
    }
}
