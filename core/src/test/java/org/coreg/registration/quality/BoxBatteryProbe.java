package org.coreg.registration.quality;

import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.registration.*;
import org.coreg.testing.SharedData;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

class BoxBatteryProbe {
    @Test
    void probe() throws Exception {
        Volume f = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/MNI152_T1_2mm.nii.gz"));
        Volume ct = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/scct.nii"));
        double[] c0 = f.geometry().indexToWorld(45, 54, 45);
        java.util.Random rnd = new java.util.Random(11);
        for (int trial = 0; trial < 10; trial++) {
            double[] c = {c0[0] + rnd.nextInt(101) - 50, c0[1] + rnd.nextInt(121) - 60, c0[2] + rnd.nextInt(101) - 50};
            double size = new double[] {20, 24, 30, 40}[rnd.nextInt(4)];
            double ax = rnd.nextGaussian() * 15, ay = rnd.nextGaussian() * 15, az = rnd.nextGaussian() * 15;
            double[] r = TestVolumes.rotation(Math.toRadians(ax), Math.toRadians(ay), Math.toRadians(az));
            double[] rc = AffineMap.of(r, new double[3]).apply(c0);
            AffineMap truth = AffineMap.of(r, new double[] {c0[0] - rc[0] + rnd.nextGaussian() * 15,
                c0[1] - rc[1] + rnd.nextGaussian() * 15, c0[2] - rc[2] + rnd.nextGaussian() * 15});
            boolean useCt = trial % 2 == 1;
            Volume m = Probe.movedBy(useCt ? ct : f, truth);
            double h = size / 2;
            RegistrationSettings s = true ? RegistrationSettings.defaults() : RegistrationSettings.defaults().withRoi(new RoiBox(
                    new double[] {c[0] - h, c[1] - h, c[2] - h}, new double[] {c[0] + h, c[1] + h, c[2] + h}));
            AssessedRegistration.Outcome o = AssessedRegistration.run(s, null, f, m, null, null);
            double err = Double.NaN, boxErr = Double.NaN;
            if (o.fixedToMoving() != null) {
                err = 0;
                boxErr = 0;
                for (int k = 0; k < 8; k++) {
                    double[] p = {c0[0] + ((k & 1) == 0 ? -60 : 60), c0[1] + ((k & 2) == 0 ? -70 : 70), c0[2] + ((k & 4) == 0 ? -60 : 60)};
                    double[] q = {c[0] + ((k & 1) == 0 ? -h : h), c[1] + ((k & 2) == 0 ? -h : h), c[2] + ((k & 4) == 0 ? -h : h)};
                    err = Math.max(err, dist(o.fixedToMoving().apply(p), truth.apply(p)));
                    boxErr = Math.max(boxErr, dist(o.fixedToMoving().apply(q), truth.apply(q)));
                }
            }
            System.out.printf("PROBE %s box %.0f at (%+.0f,%+.0f,%+.0f): head %.2f box %.2f mm %s | %s%n", useCt ? "CT" : "MR", size,
                    c[0] - c0[0], c[1] - c0[1], c[2] - c0[2], err, boxErr, o.report().status(), o.result() == null ? "" : String.format("drift %.2f", o.result().diagnostics().contextDriftMm()) + " " + o.report().reasonsText());
        }
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
