package org.coreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.Volume;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageFormats;
import org.coreg.testing.GeometryAssert;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coreg batch}: jobs from a file in one process, failures reported without stopping the others. */
class BatchCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsEveryJobReportsTheFailedOneAndExitsWithOne() throws Exception {
        Volume v = TestVolumes.random(VoxelType.FLOAT32, TestVolumes.obliqueGeometry(5, 4, 3), 7);
        Path a = dir.resolve("a image.mha");
        ImageFormats.standard().write(v, a);
        Path b = dir.resolve("b.nrrd");
        Path jobs = dir.resolve("jobs.txt");
        Files.writeString(jobs, String.join("\n",
                "# convert, then a missing file, then info of the converted one",
                "convert \"" + a + "\" '" + b + "'",
                "",
                "info " + dir.resolve("missing.nii"),
                "info " + b));
        CliRun r = CliRun.run("batch", jobs.toString());
        assertThat(r.status()).isEqualTo(1);
        GeometryAssert.assertVoxelsIdentical(v, ImageFormats.standard().read(b));
        assertThat(r.out()).contains("[1/3] line 2: coreg convert").contains("[3/3] line 5: coreg info")
                .contains("batch: 2 of 3 jobs done, 1 failed");
        assertThat(r.err()).contains("missing.nii").contains("job 2 (line 4 of " + jobs + ") failed with status 1");
        // the third job ran after the failure: its info output names the converted file's size
        assertThat(r.out()).contains("5 x 4 x 3");
    }

    @Test
    void stopOnErrorSkipsTheRest() throws Exception {
        Path jobs = dir.resolve("jobs.txt");
        Path out = dir.resolve("never.nrrd");
        Files.writeString(jobs, "info " + dir.resolve("missing.nii") + "\nconvert " + dir.resolve("missing.nii")
                + " " + out + "\n");
        CliRun r = CliRun.run("batch", "--stop-on-error", jobs.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("batch: 0 of 2 jobs done, 1 failed").doesNotContain("[2/2]");
    }

    @Test
    void aBadLineStopsTheBatchBeforeAnyJobRuns() throws Exception {
        Volume v = TestVolumes.random(VoxelType.FLOAT32, TestVolumes.obliqueGeometry(5, 4, 3), 7);
        Path a = dir.resolve("a.mha");
        ImageFormats.standard().write(v, a);
        Path b = dir.resolve("b.nrrd");
        Path jobs = dir.resolve("jobs.txt");
        Files.writeString(jobs, "convert " + a + " " + b + "\ninfo \"" + a + "\n");
        CliRun r = CliRun.run("batch", jobs.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("jobs.txt: line 2: a \" quote is not closed");
        assertThat(b).doesNotExist();
        assertThatThrownBy(() -> BatchCommand.read(dir.resolve("none.txt"))).hasMessageContaining("none.txt");
        Files.writeString(jobs, "batch other.txt\n");
        assertThat(CliRun.run("batch", jobs.toString()).err()).contains("cannot run another batch");
    }

    @Test
    void splitsOnBlanksAndKeepsQuotedBlanks() {
        assertThat(BatchCommand.split("register  --fixed 'a b.nii' --moving \"c d.nii\" x\"y z\"", Path.of("j"), 1))
                .isEqualTo(List.of("register", "--fixed", "a b.nii", "--moving", "c d.nii", "xy z"));
    }
}
