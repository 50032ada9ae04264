package org.coreg.registration.landmarks;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub and Van Loan, section 8.5): the
 * 3x3 point covariances and Horn's 4x4 quaternion matrix.
 *
 * @param values  eigenvalues, decreasing
 * @param vectors unit eigenvectors, {@code vectors[k]} belongs to {@code values[k]}
 */
record JacobiEigen(double[] values, double[][] vectors) {

    /** Decomposes the symmetric {@code n x n} matrix {@code m} (not modified). */
    static JacobiEigen of(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i] = m[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int p = 0; p < n; p++) {
                diag += Math.abs(a[p][p]);
                for (int q = p + 1; q < n; q++) {
                    off += Math.abs(a[p][q]);
                }
            }
            if (off == 0 || off <= 1e-16 * diag) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(a[y][y], a[x][x]));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = a[order[k]][order[k]];
            for (int i = 0; i < n; i++) {
                vectors[k][i] = v[i][order[k]];
            }
        }
        return new JacobiEigen(values, vectors);
    }
}
