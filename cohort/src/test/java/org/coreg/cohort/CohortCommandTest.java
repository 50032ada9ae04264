package org.coreg.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The command line of coreg-cohort and the threads of a row (no Spark started). */
class CohortCommandTest {
    @Test
    void manifestComesFirstAndOtherOptionsPassToRegisterInOrder() {
        CohortCommand.Arguments a = CohortCommand.parse(new String[] {"m.csv", "--stages", "rigid,affine", "--out",
            "o", "--master=local[2]", "--seed", "7", "--out-images"});
        assertThat(a.manifest()).isEqualTo(Path.of("m.csv"));
        assertThat(a.out()).isEqualTo(Path.of("o"));
        assertThat(a.master()).isEqualTo("local[2]");
        assertThat(a.outImages()).isTrue();
        assertThat(a.registerOptions()).containsExactly("--stages", "rigid,affine", "--seed", "7");
        assertThat(CohortCommand.parse(new String[] {"m.csv", "--help"})).isNull();
        assertThatThrownBy(() -> CohortCommand.parse(new String[] {"--out", "o", "m.csv"}))
                .hasMessageContaining("first argument must be the MANIFEST");
        assertThatThrownBy(() -> CohortCommand.parse(new String[] {"m.csv", "--out", "o", "--out-report", "r.json"}))
                .hasMessageContaining("--out-report is set per row");
    }

    @Test
    void rowsShareTheCoresOfLocalModeAndTakeTheTaskCoresOnACluster() {
        SparkConf local = new SparkConf(false).setMaster("local[2]");
        assertThat(CohortCommand.threadsPerRow(local, 2, 1)).isEqualTo(2);
        assertThat(CohortCommand.threadsPerRow(local, 2, 6)).isEqualTo(1);
        SparkConf cluster = new SparkConf(false).setMaster("spark://127.0.0.1:7077");
        assertThat(CohortCommand.threadsPerRow(cluster, 8, 1)).isEqualTo(1);
        assertThat(CohortCommand.threadsPerRow(cluster.set("spark.task.cpus", "4"), 8, 100)).isEqualTo(4);
    }
}
