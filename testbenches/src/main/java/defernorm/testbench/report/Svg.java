package defernorm.testbench.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart as SVG (XChart through its VectorGraphics2D dependency), as a {@code data:} URI for an
 * {@code <img>}: each plot stays its own document, so the ids inside one SVG cannot clash with another's.
 *
 * <pre>{@code String uri = Svg.dataUri(chart);   // "data:image/svg+xml;base64,..." }</pre>
 */
final class Svg {
    private Svg() {}

    static {
        System.setProperty("java.awt.headless", "true");
    }

    static String text(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not draw a chart as SVG: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String dataUri(Chart<?, ?> chart) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(text(chart).getBytes(StandardCharsets.UTF_8));
    }
}
