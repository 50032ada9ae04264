package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import org.coreg.image.AffineMap;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.registration.deformable.InverseConsistency;
import org.coreg.testing.SharedData;
import org.coreg.transform.AffineTransform;
import org.junit.jupiter.api.Test;

/**
 * Registering A to B and B to A with the defaults gives exact inverses (issue 17), on a synthetic pair with a known
 * transform and on the real pairs of ../shared/data, and each direction is as accurate as the one-way registration.
 */
class DirectionIndependenceTest {
    private static final double[] ORIGIN = {0, 0, 0};

    /** |back(fwd(x)) - x| over the object of {@code a}, where fwd maps A to B and back B to A (LPS mm). */
    static InverseConsistency loop(Volume a, AffineMap fwd, AffineMap back) {
        return InverseConsistency.of(a, AffineTransform.fixedToMoving(fwd), AffineTransform.fixedToMoving(back));
    }

    @Test
    void phantomBothWaysAreInversesAndAsAccurateAsOneWay() throws Exception {
        AffineMap truth = Phantom.rigid(8, -5, 12, new double[] {7, -11, 5}, new double[] {3, -4, 6});
        Volume mr = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        Volume ct = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, 2);
        RegistrationSettings s = RegistrationSettings.defaults();
        AffineMap mrToCt = new Registration(s).run(mr, ct).fixedToMoving();
        AffineMap ctToMr = new Registration(s).run(ct, mr).fixedToMoving();
        AffineMap oneWayMrToCt = new Registration(s).runAsGiven(mr, ct).fixedToMoving();
        AffineMap oneWayCtToMr = new Registration(s).runAsGiven(ct, mr).fixedToMoving();

        InverseConsistency sym = loop(mr, mrToCt, ctToMr);
        InverseConsistency oneWay = loop(mr, oneWayMrToCt, oneWayCtToMr);
        double fwdErr = Phantom.cornerError(mrToCt, truth, ORIGIN, 60);
        double backErr = Phantom.cornerError(ctToMr.inverse(), truth, ORIGIN, 60);
        double oneFwd = Phantom.cornerError(oneWayMrToCt, truth, ORIGIN, 60);
        double oneBack = Phantom.cornerError(oneWayCtToMr.inverse(), truth, ORIGIN, 60);
        System.out.printf("phantom: loop %.2e / %.2e mm (one-way %.3f / %.3f mm); error vs truth MR->CT %.3f, CT->MR "
                + "%.3f mm (one-way %.3f, %.3f mm); canonical order swapped for MR->CT: %b%n", sym.meanMm(), sym.maxMm(),
                oneWay.meanMm(), oneWay.maxMm(), fwdErr, backErr, oneFwd, oneBack, PairOrder.swapped(mr, ct));
        assertThat(sym.points()).isGreaterThan(10_000);
        assertThat(sym.meanMm()).isLessThan(0.05);
        assertThat(sym.maxMm()).isLessThan(0.1);
        // Both directions are one canonical run, each as accurate as its own one-way run or better.
        assertThat(fwdErr).isEqualTo(backErr, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fwdErr).isLessThan(0.2);
        assertThat(fwdErr).isLessThanOrEqualTo(oneFwd + 1e-6);
        assertThat(backErr).isLessThanOrEqualTo(oneBack + 1e-6);
    }

    @Test
    void mniCtAndT1MovedByAKnownRigidRegisterBothWaysToExactInverses() throws Exception {
        Volume t1 = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/MNI152_T1_2mm.nii.gz"));
        Volume ct = ImageFormats.standard().read(SharedData.require("mni-ct-mr-templates/scct.nii"));
        double[] rot = RotationMath.axisAngle(new double[] {0.6, -0.48, 0.64}, Math.toRadians(30));
        double[] c = t1.geometry().center();
        double[] rc = AffineMap.of(rot, new double[3]).apply(c);
        AffineMap truth = AffineMap.of(rot, new double[] {c[0] - rc[0] + 24, c[1] - rc[1] - 24, c[2] - rc[2] + 20.78});
        Volume moved = RealDataRegistrationTest.movedBy(ct, truth);
        RegistrationSettings s = RegistrationSettings.defaults();
        AffineMap t1ToCt = new Registration(s).run(t1, moved).fixedToMoving();
        AffineMap ctToT1 = new Registration(s).run(moved, t1).fixedToMoving();
        AffineMap unmoved = new Registration(s).run(t1, ct).fixedToMoving();
        AffineMap oneWayT1ToCt = new Registration(s).runAsGiven(t1, moved).fixedToMoving();
        AffineMap oneWayCtToT1 = new Registration(s).runAsGiven(moved, t1).fixedToMoving();

        double[][] corners = RealDataRegistrationTest.foregroundCorners(t1);
        InverseConsistency sym = loop(t1, t1ToCt, ctToT1);
        InverseConsistency oneWay = loop(t1, oneWayT1ToCt, oneWayCtToT1);
        AffineMap expected = truth.after(unmoved);
        double fwd = RealDataRegistrationTest.worstCornerError(t1ToCt, expected, corners);
        double back = RealDataRegistrationTest.worstCornerError(ctToT1.inverse(), expected, corners);
        double oneFwd = RealDataRegistrationTest.worstCornerError(oneWayT1ToCt, expected, corners);
        double oneBack = RealDataRegistrationTest.worstCornerError(oneWayCtToT1.inverse(), expected, corners);
        System.out.printf("MNI: entropy T1 %.3f, CT %.3f nats; CT sampled: %b%n", PairOrder.entropy(t1),
                PairOrder.entropy(moved), PairOrder.swapped(t1, moved));
        System.out.printf("MNI: loop %.2e / %.2e mm (one-way %.3f / %.3f mm); recovery T1->CT %.3f, CT->T1 %.3f mm "
                + "(one-way %.3f, %.3f mm); vs truth %.3f mm%n", sym.meanMm(), sym.maxMm(), oneWay.meanMm(),
                oneWay.maxMm(), fwd, back, oneFwd, oneBack,
                RealDataRegistrationTest.worstCornerError(t1ToCt, truth, corners));
        assertThat(sym.meanMm()).isLessThan(0.05);
        assertThat(sym.maxMm()).isLessThan(0.1);
        // The one-way goal of RealDataRegistrationTest, now met by both directions; against the known transform each
        // direction is as close as its own one-way run or closer (the pair's MI optimum is not the identity).
        assertThat(fwd).isLessThan(0.5);
        assertThat(back).isLessThan(0.5);
        double fwdTruth = RealDataRegistrationTest.worstCornerError(t1ToCt, truth, corners);
        double backTruth = RealDataRegistrationTest.worstCornerError(ctToT1.inverse(), truth, corners);
        assertThat(fwdTruth).isLessThanOrEqualTo(
                RealDataRegistrationTest.worstCornerError(oneWayT1ToCt, truth, corners) + 1e-6).isLessThan(4.0);
        assertThat(backTruth).isLessThanOrEqualTo(
                RealDataRegistrationTest.worstCornerError(oneWayCtToT1.inverse(), truth, corners) + 1e-6);
    }

    @Test
    void meatPhantomCtAndMrRegisterBothWaysToExactInverses() throws Exception {
        Volume mr = ImageFormats.standard().read(SharedData.require("meat-phantom-ct-mr/mr-t2.mha"));
        Volume ct = ImageFormats.standard().read(SharedData.require("meat-phantom-ct-mr/ct.mha"));
        RegistrationSettings s = RegistrationSettings.defaults();
        RegistrationResult mrToCt = new Registration(s).run(mr, ct);
        RegistrationResult ctToMr = new Registration(s).run(ct, mr);
        InverseConsistency sym = loop(mr, mrToCt.fixedToMoving(), ctToMr.fixedToMoving());
        System.out.printf("meat phantom: loop %.2e / %.2e mm over %d MR voxels%n", sym.meanMm(), sym.maxMm(),
                sym.points());
        assertThat(sym.meanMm()).isLessThan(0.05);
        assertThat(sym.maxMm()).isLessThan(0.1);
        assertThat(mrToCt.overlap()).isGreaterThan(0.5);
    }

    @Test
    void aBadImageIsNamedByTheCallersRoleWhenTheOrderIsSwapped() {
        // The constant image has the larger field of view, so the canonical run samples the other one.
        float[] v = new float[(int) PhantomRegistrationTest.movingGrid().voxelCount()];
        java.util.Arrays.fill(v, 7);
        Volume flat = new Volume(org.coreg.image.VoxelData.wrap(org.coreg.image.VoxelType.FLOAT32, v),
                PhantomRegistrationTest.movingGrid(), org.coreg.image.ImageMetadata.named("flat"));
        Volume mr = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        assertThat(PairOrder.swapped(flat, mr)).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Registration(RegistrationSettings.defaults()).run(flat, mr))
                .isInstanceOf(RegistrationException.class).hasMessageContaining("fixed image 'flat' is constant");
    }

    @Test
    void orderIsAFunctionOfThePairAlone() {
        AffineMap truth = Phantom.rigid(8, -5, 12, new double[] {7, -11, 5}, new double[] {3, -4, 6});
        Volume a = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8, 1);
        Volume b = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, 2);
        assertThat(PairOrder.swapped(a, b)).isNotEqualTo(PairOrder.swapped(b, a));
        // Same grid, different content: still exactly one of the two orders is swapped.
        Volume c = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.CT, AffineMap.identity(), 8, 1);
        assertThat(PairOrder.swapped(a, c)).isNotEqualTo(PairOrder.swapped(c, a));
        // An image and itself: the caller's order.
        assertThat(PairOrder.swapped(a, a)).isFalse();
    }
}
