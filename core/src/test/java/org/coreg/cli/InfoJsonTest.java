package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.io.json.Json;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coreg info --json} is a JSON document (written by io.json.Json) that reads back to the volume's values. */
class InfoJsonTest {
    @TempDir
    Path dir;

    @Test
    void infoJsonParsesBackToTheGeometryAndRange() throws Exception {
        Volume v = TestVolumes.random(VoxelType.INT16, TestVolumes.obliqueGeometry(6, 5, 4), 8);
        Path f = dir.resolve("v \"quoted\".nrrd");
        ImageFormats.standard().write(v, f);
        CliRun r = CliRun.run("info", "--json", f.toString());
        assertThat(r.status()).as(r.err()).isZero();
        Map<?, ?> o = (Map<?, ?>) Json.parse(r.out(), Path.of("stdout"));
        assertThat(o.get("file")).isEqualTo(f.toString());
        assertThat(o.get("size")).isEqualTo(List.of(6.0, 5.0, 4.0));
        double[] origin = ((List<?>) o.get("origin")).stream().mapToDouble(x -> (Double) x).toArray();
        double[] direction = ((List<?>) o.get("direction")).stream().mapToDouble(x -> (Double) x).toArray();
        assertThat(origin).containsExactly(v.geometry().origin());
        assertThat(direction).containsExactly(v.geometry().direction());
        assertThat(o.get("min")).isEqualTo(v.realRange()[0]);
        assertThat(o.get("max")).isEqualTo(v.realRange()[1]);
        assertThat(o.get("coordinates")).isEqualTo("LPS");
    }
}
