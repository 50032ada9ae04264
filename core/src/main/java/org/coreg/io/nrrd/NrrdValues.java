package org.coreg.io.nrrd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.coreg.io.ImageIOException;

/**
 * Parses the values of NRRD header fields: integers, per-axis lists, and vectors {@code (x,y,z)}. Every failure is
 * an {@link ImageIOException} naming the field, what was expected and what was found.
 */
final class NrrdValues {
    private NrrdValues() {
    }

    /** The whitespace-separated words of a field's text. */
    static String[] words(String text) {
        String t = text.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** A whole number in {@code [min, max]}. */
    static long integer(Path file, String field, String text, long min, long max) throws ImageIOException {
        String t = text.trim();
        long v;
        try {
            v = Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw ImageIOException.badField(file, field, "a whole number from " + min + " to " + max,
                    "'" + NrrdHeaderText.clip(t) + "'");
        }
        if (v < min || v > max) {
            throw ImageIOException.badField(file, field, "a whole number from " + min + " to " + max, v);
        }
        return v;
    }

    /**
     * A floating-point number as teem reads it: decimal or exponent notation, {@code nan}, {@code inf},
     * {@code -inf} in any case. Non-finite values are returned; callers decide whether they are acceptable.
     */
    static double number(Path file, String field, String token) throws ImageIOException {
        String t = token.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        // Java also accepts hex floats and type suffixes; NRRD writers produce neither, and teem's strtod accepts hex.
        if (t.isEmpty() || t.endsWith("f") || t.endsWith("d")) {
            throw ImageIOException.badField(file, field, "a number", "'" + NrrdHeaderText.clip(token.trim()) + "'");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw ImageIOException.badField(file, field, "a number", "'" + NrrdHeaderText.clip(token.trim()) + "'");
        }
    }

    /** The words of a per-axis field, which must number {@code dimension}. */
    static String[] perAxis(Path file, String field, String text, int dimension) throws ImageIOException {
        String[] w = words(text);
        if (w.length != dimension) {
            throw ImageIOException.badField(file, field, dimension + " values (one per axis, as dimension says)",
                    w.length + " ('" + NrrdHeaderText.clip(text.trim()) + "')");
        }
        return w;
    }

    /** A vector {@code (a,b,...)} of exactly {@code n} components. */
    static double[] vector(Path file, String field, String text, int n) throws ImageIOException {
        List<double[]> v = vectors(file, field, text, n);
        if (v.size() != 1 || v.get(0) == null) {
            throw ImageIOException.badField(file, field, "one vector (" + n + " numbers in parentheses)",
                    "'" + NrrdHeaderText.clip(text.trim()) + "'");
        }
        return v.get(0);
    }

    /**
     * A list of vectors {@code (a,b,...)} of {@code n} components each, or {@code none} (a null entry), as in
     * {@code space directions}.
     */
    static List<double[]> vectors(Path file, String field, String text, int n) throws ImageIOException {
        List<double[]> out = new ArrayList<>();
        int i = 0;
        int len = text.length();
        while (true) {
            while (i < len && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= len) {
                return out;
            }
            if (text.charAt(i) == '(') {
                int close = text.indexOf(')', i);
                if (close < 0) {
                    throw ImageIOException.badField(file, field, "vectors closed by ')'",
                            "'" + NrrdHeaderText.clip(text.substring(i)) + "'");
                }
                String[] parts = text.substring(i + 1, close).split(",", -1);
                if (parts.length != n) {
                    throw ImageIOException.badField(file, field, "vectors of " + n + " components",
                            "'" + NrrdHeaderText.clip(text.substring(i, close + 1)) + "'");
                }
                double[] v = new double[n];
                for (int k = 0; k < n; k++) {
                    v[k] = number(file, field, parts[k]);
                }
                out.add(v);
                i = close + 1;
            } else {
                int end = i;
                while (end < len && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '(') {
                    end++;
                }
                String word = text.substring(i, end);
                if (!word.equalsIgnoreCase("none")) {
                    throw ImageIOException.badField(file, field, "'(x,y,z)' vectors or 'none'",
                            "'" + NrrdHeaderText.clip(word) + "'");
                }
                out.add(null);
                i = end;
            }
        }
    }

    /** Text of a vector for messages: {@code (a,b,c)}. */
    static String show(double[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < v.length; k++) {
            b.append(k > 0 ? "," : "").append(v[k]);
        }
        return b.append(')').toString();
    }
}
