package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.coreg.image.Volume;
import org.coreg.io.ImageIOException;
import org.coreg.testing.GeometryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gantry tilt (refused, or corrected by resampling) and enhanced multi-frame objects. */
class DicomGeometryTest {
    @TempDir
    Path tmp;

    private static final double[] AXIAL = {1, 0, 0, 0, 1, 0};

    /** A value linear in LPS position, so bilinear resampling reproduces it up to rounding. */
    private static double field(double[] w) {
        return 10 * w[0] - 4 * w[1] + 2 * w[2] + 1000;
    }

    @Test
    void gantryTiltIsRefusedWithItsAngleOrCorrected() throws Exception {
        double tilt = Math.toRadians(15);
        double dz = 2.0;
        double dx = 0.9;
        double dy = 0.8;
        int nx = 30;
        int ny = 40;
        int nz = 8;
        double[][] pos = new double[nz][];
        for (int k = 0; k < nz; k++) {
            // Tilted gantry: each slice moves along the column direction (y) as it advances along z.
            pos[k] = new double[] {-12, -16 + k * dz * Math.tan(tilt), 40 + k * dz};
        }
        Path dir = tmp.resolve("tilt");
        SyntheticSeries.write(dir, TransferSyntax.EXPLICIT_LE, "1.2.11", pos, AXIAL, new double[] {dy, dx}, ny, nx,
                (i, j, k) -> (int) Math.round(field(new double[] {pos[k][0] + i * dx, pos[k][1] + j * dy,
                    pos[k][2]}) + 1024));
        assertThatThrownBy(() -> new DicomReader(DicomReadOptions.STRICT).read(dir))
                .isInstanceOf(ImageIOException.class).hasMessageContaining("gantry tilt of 15.000 degrees")
                .satisfies(e -> assertThat(((ImageIOException) e).problem())
                        .isEqualTo(ImageIOException.Problem.UNSUPPORTED));

        Volume v = new DicomReader(new DicomReadOptions(false, true)).read(dir);
        assertThat(v.geometry().size()).containsExactly(nx, ny, nz);
        assertThat(v.geometry().spacing()).containsExactly(new double[] {dx, dy, dz}, within(1e-9));
        assertThat(v.geometry().direction()).containsExactly(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, within(1e-12));
        assertThat(v.geometry().origin()).containsExactly(pos[0], within(1e-9));
        int checked = 0;
        for (int k = 0; k < nz; k++) {
            double shiftRows = k * dz * Math.tan(tilt) / dy;
            for (int j = 0; j < ny; j++) {
                if (j - shiftRows < 0 || j - shiftRows > ny - 1) {
                    continue;
                }
                for (int i = 0; i < nx; i++) {
                    double[] w = v.geometry().indexToWorld(i, j, k);
                    assertThat(v.realValue(i, j, k)).as("voxel %d %d %d", i, j, k).isCloseTo(field(w), within(1.01));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(nx * ny * nz / 2);
    }

    @Test
    void enhancedMultiFrameMatchesTheSingleFrameSeries() throws Exception {
        int nx = 12;
        int ny = 10;
        int nf = 4;
        double[][] pos = SyntheticSeries.line(new double[] {5, -7, 3}, new double[] {0, 0, 1.5}, nf);
        SyntheticSeries.PixelFunction f = (i, j, k) -> 50 * k + 7 * i - 3 * j;
        Path single = tmp.resolve("single");
        SyntheticSeries.write(single, TransferSyntax.EXPLICIT_LE, "1.2.12", pos, AXIAL, new double[] {0.5, 0.75}, ny,
                nx, f);
        Volume reference = new DicomReader(DicomReadOptions.STRICT).read(single);

        for (String uid : List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.4.70")) {
            TransferSyntax ts = TransferSyntax.forUid(uid);
            DicomTestWriter w = DicomTestWriter.forSyntax(ts);
            w.str(DicomTags.MODALITY, "CS", "CT");
            w.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.12");
            w.str(DicomTags.NUMBER_OF_FRAMES, "IS", Integer.toString(nf));
            w.us(DicomTags.SAMPLES_PER_PIXEL, 1).str(DicomTags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2");
            w.us(DicomTags.ROWS, ny).us(DicomTags.COLUMNS, nx);
            w.us(DicomTags.BITS_ALLOCATED, 16).us(DicomTags.BITS_STORED, 16).us(DicomTags.PIXEL_REPRESENTATION, 1);
            DicomTestWriter measures = DicomTestWriter.forSyntax(ts).decimals(DicomTags.PIXEL_SPACING, 0.5, 0.75);
            DicomTestWriter orient = DicomTestWriter.forSyntax(ts).decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, AXIAL);
            DicomTestWriter sharedItem = DicomTestWriter.forSyntax(ts)
                    .sequence(DicomTags.PIXEL_MEASURES_SEQUENCE, List.of(measures), false)
                    .sequence(DicomTags.PLANE_ORIENTATION_SEQUENCE, List.of(orient), true);
            w.sequence(DicomTags.SHARED_FUNCTIONAL_GROUPS, List.of(sharedItem), false);
            List<DicomTestWriter> frames = new ArrayList<>();
            List<byte[]> jpeg = new ArrayList<>();
            ByteBuffer px = ByteBuffer.allocate(nf * nx * ny * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int fr = 0; fr < nf; fr++) {
                int k = nf - 1 - fr;   // frames stored from the top slice down
                DicomTestWriter position = DicomTestWriter.forSyntax(ts)
                        .decimals(DicomTags.IMAGE_POSITION_PATIENT, pos[k]);
                DicomTestWriter rescale = DicomTestWriter.forSyntax(ts).decimals(DicomTags.RESCALE_INTERCEPT, -1024)
                        .decimals(DicomTags.RESCALE_SLOPE, 1);
                frames.add(DicomTestWriter.forSyntax(ts)
                        .sequence(DicomTags.PLANE_POSITION_SEQUENCE, List.of(position), fr % 2 == 0)
                        .sequence(DicomTags.PIXEL_VALUE_TRANSFORMATION_SEQUENCE, List.of(rescale), false));
                int[] s = new int[nx * ny];
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        s[j * nx + i] = f.value(i, j, k) & 0xFFFF;
                        px.putShort((short) f.value(i, j, k));
                    }
                }
                jpeg.add(JpegLosslessTestEncoder.encode(s, nx, ny, 16, 1, 0, 0));
            }
            w.sequence(DicomTags.PER_FRAME_FUNCTIONAL_GROUPS, frames, true);
            if (ts.encapsulated()) {
                w.encapsulated(jpeg, true);
            } else {
                w.raw(DicomTags.PIXEL_DATA, "OW", px.array());
            }
            Path file = tmp.resolve("enhanced-" + uid + ".dcm");
            Files.write(file, w.toFile(uid, true, false));
            Volume v = new DicomReader(DicomReadOptions.STRICT).read(file);
            GeometryAssert.assertGeometryEquals(reference.geometry(), v.geometry(), 1e-9);
            GeometryAssert.assertVoxelsIdentical(reference, v);
            assertThat(v.metadata().rescaleIntercept()).isEqualTo(-1024);
        }
    }
}
