package org.coreg.registration;

/** A similarity of the fixed samples and the moving image under a transform, as a cost to minimise. */
public interface ImageMetric {
    /**
     * @param transform    maps (pre-mapped) fixed points to moving space, LPS mm
     * @param samples      fixed-image samples
     * @param withGradient whether to compute the gradient with respect to the transform parameters
     */
    MetricValue evaluate(ParametricTransform transform, SampleSet samples, boolean withGradient);
}
