package org.coreg.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.coreg.app.render.FusionMode;
import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {
    @Test
    void readsFilesInBothSpellingsAndTheOverlay() {
        LaunchArguments a = LaunchArguments.parse(List.of("--fixed", "mr.nii.gz", "--moving=ct.mha", "--overlay",
                "colour"));
        assertThat(a.problem()).isNull();
        assertThat(a.fixed()).isEqualTo(Path.of("mr.nii.gz"));
        assertThat(a.moving()).isEqualTo(Path.of("ct.mha"));
        assertThat(a.overlay()).isEqualTo(FusionMode.COLOUR);
        assertThat(LaunchArguments.parse(List.of("--demo")).demo()).isTrue();
        LaunchArguments s = LaunchArguments.parse(List.of("--session=case.coreg.json", "--overlay", "blend"));
        assertThat(s.problem()).isNull();
        assertThat(s.session()).isEqualTo(Path.of("case.coreg.json"));
    }

    @Test
    void explainsWhatItCannotUse() {
        assertThat(LaunchArguments.parse(List.of("--fixed")).problem()).isEqualTo("--fixed needs a file name");
        assertThat(LaunchArguments.parse(List.of("--overlay", "rainbow")).problem()).contains("rainbow")
                .contains("checkerboard");
        assertThat(LaunchArguments.parse(List.of("--session")).problem()).isEqualTo("--session needs a file name");
        assertThat(LaunchArguments.parse(List.of("--session", "s.json", "--demo")).problem())
                .contains("without --fixed");
        assertThat(LaunchArguments.parse(List.of("-x")).problem()).startsWith("Unknown argument -x");
    }
}
