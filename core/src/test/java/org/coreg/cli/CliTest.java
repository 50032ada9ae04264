package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;


    private static double[] jsonArray(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \\[([^\\]]*)\\]").matcher(json);
        assertThat(m.find()).as("key " + key + " in " + json).isTrue();
        String[] parts = m.group(1).split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i].trim());
        }
        return v;
    }

    @Test
    void infoJsonReportsLpsGeometryTypeAndRange() throws Exception {
        Volume v = TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(6, 5, 4), 5);
        Path f = dir.resolve("v.nrrd");
        ImageFormats.standard().write(v, f);
        CliRun r = CliRun.run("info", "--json", f.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(jsonArray(r.out(), "size")).containsExactly(6, 5, 4);
        assertThat(jsonArray(r.out(), "spacing")).containsExactly(v.geometry().spacing(), within(1e-12));
        assertThat(jsonArray(r.out(), "origin")).containsExactly(v.geometry().origin(), within(1e-12));
        assertThat(jsonArray(r.out(), "direction")).containsExactly(v.geometry().direction(), within(1e-12));
        assertThat(r.out()).contains("\"type\": \"int16\"").contains("\"format\": \"NRRD\"")
                .contains("\"min\": " + (long) v.realRange()[0]).contains("\"max\": " + (long) v.realRange()[1]);
    }

    @Test
    void infoTextShowsOriginInLpsAndRas() throws Exception {
        Volume v = TestVolumes.random(VoxelType.UINT8, TestVolumes.obliqueGeometry(3, 3, 3), 6);
        Path f = dir.resolve("v.mha");
        ImageFormats.standard().write(v, f);
        CliRun r = CliRun.run("info", f.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("origin LPS:  (-91.2500, 12.5000, 37.7500)")
                .contains("origin RAS:  (91.2500, -12.5000, 37.7500)");
    }

    @Test
    void convertKeepsVoxelsAndGeometryAcrossFormats() throws Exception {
        Volume v = TestVolumes.random(VoxelType.FLOAT32, TestVolumes.obliqueGeometry(5, 4, 3), 7);
        Path a = dir.resolve("a.mha");
        ImageFormats.standard().write(v, a);
        Path b = dir.resolve("b.nrrd");
        Path c = dir.resolve("c.nii.gz");
        assertThat(CliRun.run("convert", a.toString(), b.toString()).status()).isZero();
        assertThat(CliRun.run("convert", b.toString(), c.toString()).status()).isZero();
        Volume back = ImageFormats.standard().read(c);
        GeometryAssert.assertVoxelsIdentical(v, back);
        // NIfTI-1 stores geometry in float32
        GeometryAssert.assertGeometryEquals(v.geometry(), back.geometry(), 1e-4);
    }

    @Test
    void badFileGivesOnePlainLineNamingTheFileAndStatusOne() throws Exception {
        Path f = dir.resolve("broken.nii");
        Files.write(f, new byte[] {1, 2, 3, 4, 5});
        CliRun r = CliRun.run("info", f.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("coreg: ").contains("broken.nii").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void failedConvertLeavesNoOutput() throws Exception {
        Path f = dir.resolve("broken.mha");
        Files.writeString(f, "ObjectType = Image\nNDims = 3\n");
        Path out = dir.resolve("out.nii");
        CliRun r = CliRun.run("convert", f.toString(), out.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }
}
