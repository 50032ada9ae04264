package org.coreg.registration;

/**
 * One evaluation of an image metric.
 *
 * @param cost     value to minimise (for mutual information: minus MI in nats)
 * @param gradient d(cost)/d(parameter) per transform parameter, or null if not asked for
 * @param overlap  fraction of the fixed samples that map inside the moving image (0..1)
 */
public record MetricValue(double cost, double[] gradient, double overlap) {
}
