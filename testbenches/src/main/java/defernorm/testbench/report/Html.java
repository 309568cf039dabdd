package defernorm.testbench.report;

import java.util.Locale;

/**
 * Small HTML helpers shared by the report's sections.
 *
 * <pre>{@code h.append(Html.img(Svg.dataUri(chart), "latency against n")); }</pre>
 */
public final class Html {
    private Html() {}

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** An embedded image (a {@code data:} URI) that scales down to the page width. */
    public static String img(String dataUri, String alt) {
        return "<img alt=\"" + esc(alt) + "\" src=\"" + dataUri + "\">\n";
    }

    /** A number with {@code format}, or "-" when it is not finite. */
    public static String num(String format, double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-"; }
}
