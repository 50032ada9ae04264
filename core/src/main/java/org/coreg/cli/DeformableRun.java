package org.coreg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.io.transform.TransformFiles;
import org.coreg.io.transform.TransformFormat;
import org.coreg.registration.RegistrationException;
import org.coreg.registration.RegistrationListener;
import org.coreg.registration.RegistrationSettings;
import org.coreg.registration.deformable.BSplineSettings;
import org.coreg.registration.deformable.BothWays;
import org.coreg.registration.deformable.DeformableRegistration;
import org.coreg.registration.deformable.DeformableResult;
import org.coreg.registration.deformable.InverseConsistency;
import org.coreg.registration.quality.DeformableQuality;
import org.coreg.registration.quality.QualityReport;
import org.coreg.registration.quality.QualityStatus;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.Resampler;

/**
 * The {@code --stages ...,bspline} path of {@code coreg register}: linear stages, then the B-spline stage; writes the
 * composite fixed-to-moving transform (ITK text, and elastix TransformParameters if asked), then the optional
 * Jacobian-determinant map and resampled image. Warns on stderr when the deformation folds.
 */
final class DeformableRun {
    /** Where the results go (null = not asked for). */
    record Outputs(Path transform, Path elastix, Path jacobian, Path image) {
    }

    private DeformableRun() {
    }

    /** Refuses, before any work, outputs that cannot hold a B-spline. */
    static void checkOutputs(Outputs o) throws IOException {
        TransformFormat f = TransformFormat.forName(o.transform());
        if (f != TransformFormat.ITK && f != TransformFormat.ITK_HDF5 && f != TransformFormat.ELASTIX) {
            throw new IllegalArgumentException("--out-transform: a B-spline result needs an ITK transform file "
                    + "(.tfm, .h5) or elastix TransformParameters file, found '" + o.transform().getFileName()
                    + "' (a 4x4 matrix cannot hold a deformation)");
        }
    }

    /** @return the exit status */
    static int run(RegistrationSettings s, BSplineSettings b, Volume fixed, Volume moving, Outputs o,
                   RegistrationListener listener, PrintWriter out, PrintWriter err, Runnable finishProgress)
            throws IOException, NonInvertibleTransformException {
        return run(s, b, fixed, moving, o, listener, out, err, finishProgress, null, false);
    }

    /**
     * As above, and judges the result ({@link DeformableQuality}): a failed one writes nothing and exits 1; the report
     * goes to {@code reportFile} when it is not null. With {@code bothWays} the pair is also registered the other way
     * and the two B-splines are averaged ({@link BothWays}): the written transform is the averaged forward one and the
     * report states the inverse-consistency error of the pair (docs/symmetry.md).
     *
     * @return the exit status
     */
    static int run(RegistrationSettings s, BSplineSettings b, Volume fixed, Volume moving, Outputs o,
                   RegistrationListener listener, PrintWriter out, PrintWriter err, Runnable finishProgress,
                   Path reportFile, boolean bothWays) throws IOException, NonInvertibleTransformException {
        DeformableResult ran;
        InverseConsistency consistency = null;
        try {
            BSplineSettings bs = b.withJacobianMap(o.jacobian() != null);
            ran = new DeformableRegistration(s, bs, listener, null).run(fixed, moving);
            if (bothWays) {
                finishProgress.run();
                err.println("coreg: registering the other way to measure and reduce the B-spline's inverse-consistency"
                        + " error (--one-way skips this)");
                err.flush();
                DeformableResult back = new DeformableRegistration(s, bs, null, null).run(moving, fixed);
                BothWays pair = BothWays.of(ran, back, fixed, moving, s.threads());
                ran = pair.forward();
                consistency = pair.consistency();
            }
        } catch (RegistrationException e) {
            finishProgress.run();
            err.println("coreg: " + e.getMessage());
            if (reportFile != null) {
                QualityOutput.writeReport(DeformableQuality.failed(e.getMessage(), s), reportFile);
            }
            return 1;
        }
        finishProgress.run();
        DeformableResult r = ran;
        QualityReport report = DeformableQuality.assess(r, s);
        if (consistency != null) {
            report = report.withInverseConsistency(consistency.meanMm());
        }
        if (reportFile != null) {
            QualityOutput.writeReport(report, reportFile);
        }
        if (report.status() == QualityStatus.FAILED) {
            err.println("coreg: registration failed, no transform written: " + report.reasonsText());
            return 1;
        }
        QualityOutput.warn(report, err);
        ImageFormats formats = ImageFormats.standard();
        if (o.jacobian() != null) {
            formats.write(r.folding().map(), o.jacobian());
        }
        // The image first, the transforms last (ResultWrites): a stopped run leaves no transform without its image.
        Volume image = o.image() == null ? null
                : Resampler.resample(moving, r.fixedToMoving(), fixed.geometry(), Resampler.Settings.LINEAR);
        // transformix resamples as --out-image does (linear, 0 outside the moving image).
        ElastixTransformFile.WriteOptions asCoreg = ElastixTransformFile.WriteOptions.linear(
                Resampler.Settings.LINEAR.defaultValue());
        ResultWrites.imageThenTransforms(o.image(), () -> formats.write(image, o.image()), () -> {
                    if (TransformFormat.forName(o.transform()) == TransformFormat.ELASTIX) {
                        ElastixTransformFile.write(r.fixedToMoving(), fixed.geometry(), o.transform(), asCoreg);
                    } else {
                        TransformFiles.write(r.fixedToMoving(), o.transform());
                    }
                    if (o.elastix() != null) {
                        ElastixTransformFile.write(r.fixedToMoving(), fixed.geometry(), o.elastix(), asCoreg);
                    }
                });
        if (r.folding().folds()) {
            err.println("coreg: warning: " + r.warning());
        }
        out.printf(Locale.ROOT, "wrote %s (fixed->moving, LPS mm: affine then B-spline %s); final metric %.4f, "
                + "overlap %.0f%%; Jacobian determinant min %.3f, %.4f%% of voxels <= 0%n", o.transform(),
                r.bspline().describe(), r.finalMetric(), 100 * r.overlap(), r.folding().min(),
                100 * r.folding().fractionNonPositive());
        if (consistency != null) {
            out.printf(Locale.ROOT, "inverse consistency (forward then backward result, over the fixed object): mean "
                    + "%.3f mm, max %.3f mm%n", consistency.meanMm(), consistency.maxMm());
        }
        return 0;
    }
}
