package defernorm.golden.model;

import java.util.Random;

/** Random hardware configurations and tokens straight in the integer domain (test helper). */
final class RandomConfigs {
    private RandomConfigs() {}

    static LayerConfig config(Op op, Params prm, Random rnd) {
        int n = prm.n();
        int m = prm.m();
        byte[][] w = new byte[n][m];
        for (int j = 0; j < m; j++) {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                w[i][j] = (byte) (rnd.nextInt(255) - 127);
                sum += w[i][j];
            }
            if (op == Op.LAYERNORM) {
                // push the column sum to zero without leaving -127..127
                int i = 0;
                while (sum != 0) {
                    int dir = sum > 0 ? -1 : 1;
                    int next = w[i][j] + dir;
                    if (next >= -127 && next <= 127) {
                        w[i][j] = (byte) next;
                        sum += dir;
                    }
                    i = (i + 1) % n;
                }
            }
        }
        long[] bias = new long[m];
        for (int j = 0; j < m; j++) {
            bias[j] = rnd.nextInt(20001) - 10000;
        }
        long constant = op == Op.SOFTMAX ? 1 + rnd.nextInt(2000) : 1 + rnd.nextInt(5000);
        return new LayerConfig(op, prm, w, bias, constant);
    }

    static byte[] token(int n, Random rnd) {
        byte[] x = new byte[n];
        int kind = rnd.nextInt(4);
        int center = rnd.nextInt(101) - 50;
        int spread = 1 + rnd.nextInt(80);
        for (int i = 0; i < n; i++) {
            int v = switch (kind) {
                case 0 -> rnd.nextInt(256) - 128;
                case 1 -> center + (int) Math.round(rnd.nextGaussian() * spread);
                case 2 -> center;
                default -> rnd.nextInt(8) - 4;
            };
            x[i] = (byte) Math.max(-128, Math.min(127, v));
        }
        if (kind == 3 && n > 1) {
            x[rnd.nextInt(n)] = (byte) (rnd.nextBoolean() ? 127 : -128);
        }
        return x;
    }

    /** A token whose largest score is in the first beat (lane 0). */
    static byte[] maxFirst(int n, Random rnd) {
        byte[] s = token(n, rnd);
        int maxIdx = 0;
        for (int i = 1; i < n; i++) {
            if (s[i] > s[maxIdx]) {
                maxIdx = i;
            }
        }
        byte t = s[0];
        s[0] = s[maxIdx];
        s[maxIdx] = t;
        return s;
    }
}
