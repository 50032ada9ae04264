package org.coreg.io.transform;

import java.nio.file.Path;

/** Number text as transform files hold it: shortest round-trip decimal, parsed with the file and line in errors. */
final class Numbers {
    private Numbers() {
    }

    /** Shortest text that parses back to exactly {@code v} ({@code 1e-05} style exponents, as C++ writes). */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v).replace("E", "e");
    }

    static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(format(values[i]));
        }
        return sb.toString();
    }

    /** Parses whitespace-separated finite numbers. */
    static double[] parse(String text, Path file, int line, String field) throws TransformFileException {
        String t = text.trim();
        if (t.isEmpty()) {
            return new double[0];
        }
        String[] parts = t.split("\\s+");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw TransformFileException.badField(file, line, field, "a number", "'" + parts[i] + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw TransformFileException.badField(file, line, field, "a finite number", "'" + parts[i] + "'");
            }
        }
        return v;
    }

    /**
     * Three coefficients per node of a B-spline grid, as a count that cannot wrap around: a grid whose node count
     * overflows a long (sizes near 2^31 on every axis) gives {@link Long#MAX_VALUE}, which no parameter list matches.
     */
    static long coefficientCount(org.coreg.image.ImageGeometry g) {
        double n = 3.0 * g.size(0) * g.size(1) * g.size(2);
        return n >= 0x1p62 ? Long.MAX_VALUE : 3 * g.voxelCount();
    }
}
