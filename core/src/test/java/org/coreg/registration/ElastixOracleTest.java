package org.coreg.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.coreg.image.Volume;
import org.coreg.testing.ExternalTool;
import org.coreg.testing.SharedData;
import org.coreg.io.ImageFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * elastix 5.0.1 as an oracle on the meat phantom (unrelated frames): started from Coreg's answer, elastix's own
 * rigid optimisation must find no better mutual information nearby and stay close (within 5 mm at the corners of
 * the MR's foreground box, where MI is flat); started from the headers, it ends far away with a clearly worse MI,
 * which is the failure Coreg's global search exists for.
 */
class ElastixOracleTest {
    private static final String PARAMS = """
            (FixedInternalImagePixelType "float")
            (MovingInternalImagePixelType "float")
            (UseDirectionCosines "true")
            (Registration "MultiResolutionRegistration")
            (Interpolator "BSplineInterpolator")
            (BSplineInterpolationOrder 1)
            (ResampleInterpolator "FinalBSplineInterpolator")
            (Resampler "DefaultResampler")
            (FixedImagePyramid "FixedRecursiveImagePyramid")
            (MovingImagePyramid "MovingRecursiveImagePyramid")
            (Optimizer "AdaptiveStochasticGradientDescent")
            (Transform "EulerTransform")
            (Metric "AdvancedMattesMutualInformation")
            (AutomaticScalesEstimation "true")
            (AutomaticTransformInitialization "%s")
            (HowToCombineTransforms "Compose")
            (NumberOfHistogramBins 32)
            (NumberOfResolutions %d)
            (MaximumNumberOfIterations 200)
            (NumberOfSpatialSamples 3000)
            (NewSamplesEveryIteration "true")
            (ImageSampler "RandomCoordinate")
            (WriteResultImage "false")
            """;

    @Test
    void elastixStartedFromCoregStaysAndFromHeadersFails(@TempDir Path dir) throws Exception {
        Path elastix = ExternalTool.require("elastix");
        Path mrFile = SharedData.require("meat-phantom-ct-mr/mr-t2.mha");
        Path ctFile = SharedData.require("meat-phantom-ct-mr/ct.mha");
        Volume mr = ImageFormats.standard().read(mrFile);
        Volume ct = ImageFormats.standard().read(ctFile);
        AffineMap coreg = new Registration(RegistrationSettings.defaults()).run(mr, ct).fixedToMoving();
        double[][] corners = RealDataRegistrationTest.foregroundCorners(mr);

        Path init = dir.resolve("init.txt");
        Files.writeString(init, initialTransform(coreg, mr.geometry()));
        Files.writeString(dir.resolve("refine.txt"), String.format(Locale.ROOT, PARAMS, "false", 2));
        Files.createDirectories(dir.resolve("refine"));
        ExternalTool.runOk(dir, 1800, elastix.toString(), "-f", mrFile.toString(), "-m", ctFile.toString(), "-p",
                "refine.txt", "-t0", init.toString(), "-out", "refine");
        AffineMap refined = readEuler(dir.resolve("refine/TransformParameters.0.txt")).after(coreg);
        double stay = RealDataRegistrationTest.worstCornerError(refined, coreg, corners);

        Files.writeString(dir.resolve("headers.txt"), String.format(Locale.ROOT, PARAMS, "true", 4));
        Files.createDirectories(dir.resolve("headers"));
        ExternalTool.runOk(dir, 1800, elastix.toString(), "-f", mrFile.toString(), "-m", ctFile.toString(), "-p",
                "headers.txt", "-out", "headers");
        AffineMap fromHeaders = readEuler(dir.resolve("headers/TransformParameters.0.txt"));
        double away = RealDataRegistrationTest.worstCornerError(fromHeaders, coreg, corners);
        double miCoreg = MetricProbe.evaluate(mr, ct, coreg, 400_000).cost();
        double miRefined = MetricProbe.evaluate(mr, ct, refined, 400_000).cost();
        double miHeaders = MetricProbe.evaluate(mr, ct, fromHeaders, 400_000).cost();
        System.out.printf("full-resolution -MI: coreg %.5f, elastix refined %.5f, elastix from headers %.5f%n",
                miCoreg, miRefined, miHeaders);
        System.out.printf("meat phantom vs elastix: elastix from Coreg's answer moves it %.3f mm; elastix from the "
                + "headers ends %.1f mm away%n", stay, away);
        // elastix's refinement may drift along the flat floor of MI (measured 1.3 to 3.3 mm at the box corners) but must
        // not find a better optimum than Coreg's.
        assertThat(stay).isLessThan(5.0);
        assertThat(miCoreg).isLessThanOrEqualTo(miRefined + 5e-4);
        assertThat(away).isGreaterThan(20);
        assertThat(miHeaders).isGreaterThan(miCoreg + 0.02);
    }

    /** An elastix EulerTransform parameter file (R = Rz Ry Rx, centre 0) equal to the rigid map {@code m}. */
    static String initialTransform(AffineMap m, ImageGeometry fixed) {
        double[] a = RotationMath.eulerZyx(m.linear());
        double[] t = m.translation();
        double[] o = fixed.origin();
        double[] d = fixed.direction();
        return String.format(Locale.ROOT, """
                (Transform "EulerTransform")
                (NumberOfParameters 6)
                (TransformParameters %.12f %.12f %.12f %.12f %.12f %.12f)
                (InitialTransformParametersFileName "NoInitialTransform")
                (HowToCombineTransforms "Compose")
                (FixedImageDimension 3)
                (MovingImageDimension 3)
                (FixedInternalImagePixelType "float")
                (MovingInternalImagePixelType "float")
                (Size %d %d %d)
                (Index 0 0 0)
                (Spacing %.12f %.12f %.12f)
                (Origin %.12f %.12f %.12f)
                (Direction %.12f %.12f %.12f %.12f %.12f %.12f %.12f %.12f %.12f)
                (UseDirectionCosines "true")
                (CenterOfRotationPoint 0 0 0)
                (ComputeZYX "true")
                """, a[0], a[1], a[2], t[0], t[1], t[2], fixed.size(0), fixed.size(1), fixed.size(2), fixed.spacing(0),
                fixed.spacing(1), fixed.spacing(2), o[0], o[1], o[2], d[0], d[3], d[6], d[1], d[4], d[7], d[2], d[5],
                d[8]);
    }

    /** The EulerTransform of an elastix TransformParameters file as a fixed-to-moving map (LPS mm). */
    static AffineMap readEuler(Path file) throws Exception {
        String s = Files.readString(file);
        double[] p = numbers(s, "TransformParameters");
        double[] c = numbers(s, "CenterOfRotationPoint");
        boolean zyx = s.contains("(ComputeZYX \"true\")");
        double cx = Math.cos(p[0]), sx = Math.sin(p[0]), cy = Math.cos(p[1]), sy = Math.sin(p[1]);
        double cz = Math.cos(p[2]), sz = Math.sin(p[2]);
        double[] rx = {1, 0, 0, 0, cx, -sx, 0, sx, cx};
        double[] ry = {cy, 0, sy, 0, 1, 0, -sy, 0, cy};
        double[] rz = {cz, -sz, 0, sz, cz, 0, 0, 0, 1};
        double[] r = zyx ? RotationMath.mul(rz, RotationMath.mul(ry, rx)) : RotationMath.mul(rz, RotationMath.mul(rx, ry));
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            t[i] = c[i] + p[3 + i] - (r[3 * i] * c[0] + r[3 * i + 1] * c[1] + r[3 * i + 2] * c[2]);
        }
        return AffineMap.of(r, t);
    }

    private static double[] numbers(String s, String key) {
        Matcher m = Pattern.compile("\\(" + key + " ([^)]*)\\)").matcher(s);
        if (!m.find()) {
            throw new AssertionError("no " + key + " in elastix output");
        }
        String[] parts = m.group(1).trim().split("\\s+");
        double[] d = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            d[i] = Double.parseDouble(parts[i]);
        }
        return d;
    }
}
