package defernorm.eda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one cache-key digest of the simulators and tool runners: lower-case hex SHA-256 of a list of strings,
 * each length-prefixed so no two lists collide.
 *
 * <pre>{@code
 * String key = "model-" + top + "-" + Sha256.ofParts(List.of(verilog, flags)).substring(0, 24);
 * }</pre>
 */
public final class Sha256 {
    private Sha256() {}

    public static String ofParts(Iterable<String> parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                byte[] b = p.getBytes(StandardCharsets.UTF_8);
                md.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
