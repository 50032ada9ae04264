package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.dicom.SyntheticSeries;
import org.coreg.io.dicom.TransferSyntax;
import org.coreg.testing.GeometryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code coreg info DIR} reads a DICOM folder through the format registry. */
class DicomCliTest {
    @TempDir
    Path dir;

    @Test
    void infoReadsADicomFolder() throws Exception {
        Path series = dir.resolve("series");
        SyntheticSeries.write(series, TransferSyntax.EXPLICIT_LE, "1.2.13",
                SyntheticSeries.line(new double[] {-5, 7, 11}, new double[] {0, 0, 2}, 3),
                new double[] {1, 0, 0, 0, 1, 0}, new double[] {0.5, 0.25}, 6, 4, (i, j, k) -> i + 10 * k);
        CommandLine cl = CoregCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int status = cl.execute("info", "--json", series.toString());
        assertThat(status).isZero();
        assertThat(out.toString()).contains("\"format\": \"DICOM\"").contains("\"size\": [4, 6, 3]")
                .contains("\"spacing\": [0.25, 0.5, 2")
                .contains("\"origin\": [-5, 7, 11]").contains("\"rescaleIntercept\": -1024")
                .contains("\"min\": -1024").contains("\"max\": -1001");
    }

    @Test
    void convertWritesTheDicomVolumeAsNifti() throws Exception {
        Path series = dir.resolve("series");
        SyntheticSeries.write(series, TransferSyntax.forUid("1.2.840.10008.1.2.4.70"), "1.2.14",
                SyntheticSeries.line(new double[] {3, -2, 1}, new double[] {0, -1.5, 0}, 4),
                new double[] {1, 0, 0, 0, 0, -1}, new double[] {0.5, 0.25}, 6, 4, (i, j, k) -> 3 * i - j + 10 * k);
        Path out = dir.resolve("out.nii.gz");
        CommandLine cl = CoregCommand.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("convert", series.toString(), out.toString())).isZero();
        Volume dicom = ImageFormats.standard().read(series);
        Volume nifti = ImageFormats.standard().read(out);
        GeometryAssert.assertGeometryEquals(dicom.geometry(), nifti.geometry(), 1e-4);
        GeometryAssert.assertRealValuesEqual(dicom, nifti, 0);
    }
}
