package defernorm.cosim.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import defernorm.hdl.ir.Type;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Values}' range check and word conversions against BigInteger arithmetic, at the range edges. */
class ValuesTest {
    @Test
    void fitsIsExactlyTheTypesRange() {
        for (int w : new int[] {1, 2, 8, 63, 64, 65, 128, 8192}) {
            for (boolean signed : new boolean[] {false, true}) {
                Type t = new Type(w, signed);
                BigInteger min = Values.min(t), max = Values.max(t);
                for (BigInteger x : new BigInteger[] {min, max, min.subtract(BigInteger.ONE), max.add(BigInteger.ONE),
                        BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate()}) {
                    boolean expected = x.compareTo(min) >= 0 && x.compareTo(max) <= 0;
                    assertEquals(expected, Values.fits(x, t), () -> x + " in " + t);
                }
            }
        }
    }

    @Test
    void wordsRoundTripEveryWidth() {
        Random rnd = new Random(7);
        for (int w : new int[] {1, 7, 63, 64, 65, 127, 128, 129, 200, 8192}) {
            for (boolean signed : new boolean[] {false, true}) {
                Type t = new Type(w, signed);
                for (int i = 0; i < 40; i++) {
                    BigInteger x = switch (i) {
                        case 0 -> Values.min(t);
                        case 1 -> Values.max(t);
                        case 2 -> BigInteger.ZERO;
                        default -> Reference.wrap(new BigInteger(w + 3, rnd).subtract(BigInteger.ONE.shiftLeft(w)), t);
                    };
                    long[] words = new long[Words.count(w) + 2];
                    Values.toWords(x, t, words, 1);
                    assertEquals(x, Values.fromWords(words, 1, t), () -> x + " as " + t);
                    assertEquals(0, words[0]);
                    assertEquals(0, words[words.length - 1]);
                }
            }
        }
    }
}
