package org.coreg.registration;

/**
 * Fixed-image sample points for one metric evaluation.
 *
 * @param points LPS mm, x0 y0 z0 x1 y1 z1 ...
 * @param values fixed-image real values at the points
 */
public record SampleSet(double[] points, float[] values) {
    public int size() {
        return values.length;
    }
}
