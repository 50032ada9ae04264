package org.coreg.registration.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.ImageMetadata;
import org.coreg.image.Volume;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.registration.GlobalSearchMode;
import org.coreg.registration.Phantom;
import org.coreg.registration.PhantomRegistrationTest;
import org.coreg.registration.MovedVolumes;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.RoiBox;
import org.coreg.registration.landmarks.LandmarkFitKind;
import org.coreg.registration.landmarks.LandmarkOptions;
import org.coreg.registration.landmarks.LandmarkPair;
import org.coreg.testing.SharedData;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;

/**
 * Every status path of {@link AssessedRegistration} on real data (the MNI T1 template moved by a known rigid
 * transform: exact truth) and on synthetic phantoms: small crop boxes and masks, no overlap, a near-symmetric phantom,
 * singular and mirroring initial transforms, a landmark start.
 */
class QualityPathsTest {
    private static Volume mniT1() throws Exception {
        return ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/MNI152_T1_2mm.nii.gz"));
    }

    /** A rigid truth about {@code c}: rotation (degrees) and translation (mm). */
    private static AffineMap truthAbout(double[] c, double ax, double ay, double az, double... t) {
        double[] r = TestVolumes.rotation(Math.toRadians(ax), Math.toRadians(ay), Math.toRadians(az));
        double[] rc = AffineMap.of(r, new double[3]).apply(c);
        return AffineMap.of(r, new double[] {c[0] - rc[0] + t[0], c[1] - rc[1] + t[1], c[2] - rc[2] + t[2]});
    }

    private static RoiBox cube(double[] c, double side) {
        double h = side / 2;
        return new RoiBox(new double[] {c[0] - h, c[1] - h, c[2] - h}, new double[] {c[0] + h, c[1] + h, c[2] + h});
    }

    /** Largest error (mm) over the corners of a 120 x 140 x 120 mm box about c: the whole head. */
    private static double headError(AffineMap a, AffineMap truth, double[] c) {
        double worst = 0;
        for (int s = 0; s < 8; s++) {
            double[] p = {c[0] + ((s & 1) == 0 ? -60 : 60), c[1] + ((s & 2) == 0 ? -70 : 70),
                c[2] + ((s & 4) == 0 ? -60 : 60)};
            double[] x = a.apply(p), y = truth.apply(p);
            worst = Math.max(worst, Math.sqrt((x[0] - y[0]) * (x[0] - y[0]) + (x[1] - y[1]) * (x[1] - y[1])
                    + (x[2] - y[2]) * (x[2] - y[2])));
        }
        return worst;
    }

    @Test
    void aSmallCropBoxOnARealHeadIsRightOrSaysItCannotTell() throws Exception {
        Volume f = mniT1();
        double[] c = f.geometry().indexToWorld(45, 54, 45);
        AffineMap truth = truthAbout(c, 4, -3, 5, 6, -4, 3);
        Volume m = MovedVolumes.movedBy(f, truth);
        // The case: a 24 mm box at the centre ended 96 mm off with status 0.
        AssessedRegistration.Outcome box24 = AssessedRegistration.run(RegistrationSettings.defaults()
                .withRoi(cube(c, 24)), null, f, m, null, null);
        assertThat(box24.usable()).as(box24.report().reasonsText()).isTrue();
        assertThat(headError(box24.fixedToMoving(), truth, c)).isLessThan(0.5);
        assertThat(box24.report().status()).isEqualTo(QualityStatus.OK);
        // Off-centre, a 16 mm box ends up to 2.4 mm off 70 mm away: it must not say ok.
        double[] off = {c[0] + 20, c[1] - 25, c[2] + 15};
        AssessedRegistration.Outcome box16 = AssessedRegistration.run(RegistrationSettings.defaults()
                .withRoi(cube(off, 16)), null, f, m, null, null);
        assertThat(box16.report().status()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(box16.report().reasonsText()).contains("constrains rotations poorly");
        // A 1 mm box (112 mm off before) holds one voxel: refused, naming the minimum.
        AssessedRegistration.Outcome box1 = AssessedRegistration.run(RegistrationSettings.defaults()
                .withRoi(cube(c, 1)), null, f, m, null, null);
        assertThat(box1.report().status()).isEqualTo(QualityStatus.FAILED);
        assertThat(box1.fixedToMoving()).isNull();
        assertThat(box1.report().reasonsText()).contains("at least 500 are needed");
    }

    @Test
    void ctBoxesInTheBrainAreRightOrUncertainNeverWronglyOk() throws Exception {
        // CT shows little inside the brain: restricted to such a box, the rigid levels drift from the whole-image pose.
        Volume f = mniT1();
        Volume ct = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/scct.nii"));
        double[] c = f.geometry().indexToWorld(45, 54, 45);
        AffineMap truth = truthAbout(c, 5, -4, 6, 6, -5, 4);
        Volume m = MovedVolumes.movedBy(ct, truth);
        int uncertain = 0;
        for (double[] off : new double[][] {{5, -38, -25}, {-2, -48, -34}, {-4, 42, -3}}) {
            double[] bc = {c[0] + off[0], c[1] + off[1], c[2] + off[2]};
            AssessedRegistration.Outcome o = AssessedRegistration.run(RegistrationSettings.defaults()
                    .withRoi(cube(bc, 30)), null, f, m, null, null);
            if (o.report().status() == QualityStatus.OK) {
                assertThat(headError(o.fixedToMoving(), truth, c)).as("box at %s", java.util.Arrays.toString(off))
                        .isLessThan(2);
            } else {
                uncertain++;
                assertThat(o.report().reasonsText()).containsAnyOf("moved", "no better");
            }
        }
        assertThat(uncertain).as("at least one of these boxes is known to drift").isPositive();
    }

    @Test
    void aTinyMaskIsRefusedNamingTheMinimum() throws Exception {
        Volume f = mniT1();
        ImageGeometry g = f.geometry();
        float[] mask = new float[(int) g.voxelCount()];
        for (int k = 40; k < 46; k++) {
            for (int j = 50; j < 56; j++) {
                for (int i = 40; i < 46; i++) {
                    mask[i + g.size(0) * (j + g.size(1) * k)] = 1;
                }
            }
        }
        Volume mv = new Volume(VoxelData.wrap(VoxelType.FLOAT32, mask), g, ImageMetadata.named("mask"));
        AssessedRegistration.Outcome o = AssessedRegistration.run(RegistrationSettings.defaults().withFixedMask(mv),
                null, f, f, null, null);
        assertThat(o.report().status()).isEqualTo(QualityStatus.FAILED);
        assertThat(o.report().reasonsText()).contains("mask leaves 216 voxels").contains("at least 500");
    }

    @Test
    void imagesThatDoNotOverlapFailWithoutATransform() throws Exception {
        ImageGeometry far = ImageGeometry.axisAligned(new int[] {40, 40, 40}, new double[] {1, 1, 1},
                new double[] {400, 400, 400});
        Volume fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 5, 1);
        Volume moving = Phantom.render(far, Phantom.CT, AffineMap.identity(), 5, 2);
        AssessedRegistration.Outcome o = AssessedRegistration.run(RegistrationSettings.defaults()
                .withGlobalSearch(GlobalSearchMode.NEVER), null, fixed, moving, null, null);
        assertThat(o.report().status()).isEqualTo(QualityStatus.FAILED);
        assertThat(o.fixedToMoving()).isNull();
        assertThat(o.report().reasonsText()).contains("overlap");
    }

    /** Nested ellipsoids with two equal axes: the same under any turn about z. */
    private static Volume symmetricPhantom(ImageGeometry g, AffineMap fixedToMoving, long seed) {
        AffineMap back = fixedToMoving.inverse();
        float[] a = new float[(int) g.voxelCount()];
        java.util.Random rnd = new java.util.Random(seed);
        int f = 0;
        for (int k = 0; k < g.size(2); k++) {
            for (int j = 0; j < g.size(1); j++) {
                for (int i = 0; i < g.size(0); i++, f++) {
                    double[] p = back.apply(g.indexToWorld(i, j, k));
                    double outer = Math.sqrt(p[0] * p[0] + p[1] * p[1] + 0.6 * p[2] * p[2]);
                    double inner = Math.sqrt(p[0] * p[0] + p[1] * p[1] + 2.0 * (p[2] - 10) * (p[2] - 10));
                    a[f] = (float) (100 / (1 + Math.exp((outer - 55) / 0.8)) + 200 / (1 + Math.exp((inner - 25)
                            / 0.8)) + 3 * rnd.nextGaussian());
                }
            }
        }
        return new Volume(VoxelData.wrap(VoxelType.FLOAT32, a), g, ImageMetadata.named("symmetric"));
    }

    @Test
    void aNearSymmetricPhantomShowsTheTieAndIsUncertain() throws Exception {
        ImageGeometry g = ImageGeometry.axisAligned(new int[] {64, 64, 64}, new double[] {2, 2, 2},
                new double[] {-63, -63, -63});
        AffineMap truth = Phantom.rigid(0, 0, 20, new double[] {3, -2, 1}, new double[3]);
        Volume f = symmetricPhantom(g, AffineMap.identity(), 1);
        Volume m = symmetricPhantom(g, truth, 2);
        AssessedRegistration.Outcome o = AssessedRegistration.run(RegistrationSettings.defaults()
                .withGlobalSearch(GlobalSearchMode.ALWAYS), null, f, m, null, null);
        assertThat(o.report().alternatives()).isNotEmpty();
        assertThat(o.report().status()).as(o.report().reasonsText()).isEqualTo(QualityStatus.UNCERTAIN);
        assertThat(o.report().reasonsText()).contains("scores almost as well");
    }

    @Test
    void theAsymmetricPhantomWithTheSameSearchIsOk() throws Exception {
        AffineMap truth = Phantom.rigid(6, -4, 9, new double[] {5, -7, 3}, new double[3]);
        Volume f = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        Volume m = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, 2);
        AssessedRegistration.Outcome o = AssessedRegistration.run(RegistrationSettings.defaults()
                .withGlobalSearch(GlobalSearchMode.ALWAYS), null, f, m, null, null);
        assertThat(o.report().status()).as(o.report().reasonsText()).isEqualTo(QualityStatus.OK);
        assertThat(Phantom.cornerError(o.fixedToMoving(), truth, new double[3], 60)).isLessThan(0.5);
        assertThat(o.report().metricFinal()).isLessThan(o.report().metricStart());
    }

    @Test
    void singularAndMirroringInitialTransformsAreRefused() throws Exception {
        Volume f = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        AffineMap rank2 = AffineMap.ofRowMajor3x4(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
        AffineMap mirror = AffineMap.ofRowMajor3x4(-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
        AssessedRegistration.Outcome a = AssessedRegistration.run(RegistrationSettings.defaults()
                .withInitialTransform(rank2), null, f, f, null, null);
        assertThat(a.report().status()).isEqualTo(QualityStatus.FAILED);
        assertThat(a.report().reasonsText()).contains("initial transform is refused").contains("singular (rank 2)");
        AssessedRegistration.Outcome b = AssessedRegistration.run(RegistrationSettings.defaults()
                .withInitialTransform(mirror), null, f, f, null, null);
        assertThat(b.report().reasonsText()).contains("mirrors space");
        assertThat(b.fixedToMoving()).isNull();
    }

    @Test
    void landmarksStartALargeRotationAndAreReported() throws Exception {
        Volume f = mniT1();
        double[] c = f.geometry().indexToWorld(45, 54, 45);
        AffineMap truth = truthAbout(c, 35, -20, 40, 25, -30, 12);
        Volume m = MovedVolumes.movedBy(f, truth);
        java.util.Random rnd = new java.util.Random(3);
        List<LandmarkPair> pairs = new ArrayList<>();
        double[][] offsets = {{40, 0, 0}, {-40, 10, 0}, {0, 50, 10}, {0, -50, 20}, {10, 0, 40}, {-10, 20, -30}};
        for (int i = 0; i < offsets.length; i++) {
            double[] p = {c[0] + offsets[i][0], c[1] + offsets[i][1], c[2] + offsets[i][2]};
            double[] q = truth.apply(p);
            // 1 mm localisation error per axis on the moving side.
            pairs.add(new LandmarkPair("L" + i, p, new double[] {q[0] + rnd.nextGaussian(), q[1] + rnd.nextGaussian(),
                q[2] + rnd.nextGaussian()}));
        }
        AssessedRegistration.Outcome fitOnly = AssessedRegistration.run(RegistrationSettings.defaults(),
                new LandmarkOptions(pairs, LandmarkFitKind.RIGID, true), f, m, null, null);
        assertThat(fitOnly.report().stages()).containsExactly("landmarks");
        assertThat(headError(fitOnly.fixedToMoving(), truth, c)).isGreaterThan(0.3).isLessThan(5);
        AssessedRegistration.Outcome o = AssessedRegistration.run(RegistrationSettings.defaults(),
                new LandmarkOptions(pairs, LandmarkFitKind.RIGID, false), f, m, null, null);
        assertThat(o.report().status()).as(o.report().reasonsText()).isEqualTo(QualityStatus.OK);
        assertThat(headError(o.fixedToMoving(), truth, c)).isLessThan(0.5);
        assertThat(o.report().landmarks().errors().points()).hasSize(6);
        assertThat(o.report().landmarks().expectedTreMm()).isGreaterThan(0).isLessThan(2);
    }
}
