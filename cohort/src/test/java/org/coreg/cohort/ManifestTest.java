package org.coreg.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path f = dir.resolve("cohort.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsColumnsInAnyOrderResolvesPathsAndAcceptsQuotedOrSemicolonLists() throws Exception {
        Path f = write("""
                # a comment
                moving,id,fixed,stages,roi,initial_transform
                ct/a.nii.gz,a,mr/a.nii.gz,"rigid,affine",-10;-20;-30;40;50;60,pre/a.tfm

                "ct/b, 2.nii.gz",b,/data/mr/b.nii.gz,,,
                """);
        List<ManifestRow> rows = Manifest.read(f);
        assertThat(rows).hasSize(2);
        ManifestRow a = rows.get(0);
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.fixed()).isEqualTo(dir.resolve("mr/a.nii.gz").toString());
        assertThat(a.moving()).isEqualTo(dir.resolve("ct/a.nii.gz").toString());
        assertThat(a.stages()).isEqualTo("rigid,affine");
        assertThat(a.roi()).isEqualTo("-10,-20,-30,40,50,60");
        assertThat(a.initialTransform()).isEqualTo(dir.resolve("pre/a.tfm").toString());
        assertThat(a.line()).isEqualTo(3);
        ManifestRow b = rows.get(1);
        assertThat(b.moving()).isEqualTo(dir.resolve("ct/b, 2.nii.gz").toString());
        assertThat(b.fixed()).isEqualTo("/data/mr/b.nii.gz");
        assertThat(b.stages()).isNull();
        assertThat(b.roi()).isNull();
        assertThat(b.line()).isEqualTo(5);
    }

    @Test
    void problemsNameTheFileAndLine() throws Exception {
        assertThatThrownBy(() -> Manifest.read(write("id,fixed\na,b\n"))).hasMessageContaining("cohort.csv: line 1")
                .hasMessageContaining("no 'moving' column");
        assertThatThrownBy(() -> Manifest.read(write("id,fixed,moving,seed\n"))).hasMessageContaining("unknown column 'seed'");
        assertThatThrownBy(() -> Manifest.read(write("id,fixed,moving\na,f,m\na,g,n\n")))
                .hasMessageContaining("line 3").hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> Manifest.read(write("id,fixed,moving\n../x,f,m\n"))).hasMessageContaining("line 2")
                .hasMessageContaining("cannot name a file");
        assertThatThrownBy(() -> Manifest.read(write("id,fixed,moving\na,f,\n"))).hasMessageContaining("no moving image");
        assertThatThrownBy(() -> Manifest.read(write("id,fixed,moving\na,\"f,m\n"))).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Manifest.read(write("id,fixed,moving\n"))).hasMessageContaining("no rows");
        assertThatThrownBy(() -> Manifest.read(dir.resolve("none.csv"))).hasMessageContaining("none.csv")
                .hasMessageContaining("does not exist");
    }

    @Test
    void perRowOptionsReplaceSharedOnesAndThreadsStayOutOfTheFingerprint() {
        ManifestRow row = new ManifestRow(2, "a", "/f.nii", "/m.nii", "rigid,affine", null, null, null, "1,2,3,4,5,6");
        CohortSettings s = new CohortSettings("/out", List.of("--stages", "rigid", "--seed=5", "--roi=0,0,0,1,1,1"),
                false, 1);
        List<String> args = RegisterArgs.of(row, s);
        assertThat(args).containsExactly("register", "--fixed", "/f.nii", "--moving", "/m.nii", "--stages",
                "rigid,affine", "--roi", "1,2,3,4,5,6", "--seed=5", "--threads", "1", "--out-transform", "/out/a.tfm", "--out-report",
                "/out/a.report.json");
        CohortSettings more = new CohortSettings("/out", List.of("--stages", "rigid", "--seed=5"), false, 4);
        assertThat(Fingerprint.of(RegisterArgs.of(row, more), List.of()))
                .isEqualTo(Fingerprint.of(args, List.of()));
        CohortSettings otherSeed = new CohortSettings("/out", List.of("--seed=6"), false, 1);
        assertThat(Fingerprint.of(RegisterArgs.of(row, otherSeed), List.of()))
                .isNotEqualTo(Fingerprint.of(args, List.of()));
    }
}
