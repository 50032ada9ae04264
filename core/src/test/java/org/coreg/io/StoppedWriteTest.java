package org.coreg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.coreg.testing.Forked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write stopped by a signal: SIGTERM (and Ctrl-C) leave no temporary file; SIGKILL leaves one that is recognisable
 * ({@code .NAME.coreg-PID-*.tmp}) and is removed by the next write beside the same target. Write failures name the
 * target and the operating system's reason, never the temporary file.
 */
class StoppedWriteTest {
    @TempDir
    Path dir;

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** Starts a process writing {@code target} and waits until it is in the middle of the write. */
    private static Process writing(Path target) throws Exception {
        Process p = Forked.start(List.of("-Xmx64m"), SlowWriteMain.class, target.toString());
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).as("the writer's first line").isEqualTo("WRITING");
        return p;
    }

    @Test
    void sigtermDuringAWriteLeavesNoTemporaryFile() throws Exception {
        Path target = dir.resolve("big.nii");
        Process p = writing(target);
        assertThat(files()).singleElement().satisfies(t -> assertThat(TempFiles.isTempOf(t, target)).isTrue());
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(files()).isEmpty();
    }

    @Test
    void sigkillLeavesARecognisableTemporaryFileThatTheNextWriteRemoves() throws Exception {
        Path target = dir.resolve("big.nii");
        Process p = writing(target);
        long pid = p.pid();
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<Path> left = files();
        assertThat(left).singleElement().satisfies(t -> {
            assertThat(TempFiles.isTempOf(t, target)).isTrue();
            assertThat(t.getFileName().toString()).startsWith(".big.nii.coreg-" + pid + "-");
        });
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream s = out.open(target)) {
                s.write(1);
            }
            out.commit();
        }
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aTemporaryFileOfARunningProcessIsLeftAlone() throws Exception {
        Path target = dir.resolve("t.tfm");
        Path mine = Files.createFile(dir.resolve(".t.tfm.coreg-" + ProcessHandle.current().pid() + "-1.tmp"));
        Path dead = Files.createFile(dir.resolve(".t.tfm.coreg-" + deadPid() + "-2.tmp"));
        Path other = Files.createFile(dir.resolve(".other.tfm.coreg-" + deadPid() + "-3.tmp"));
        TempFiles.removeStale(target.toAbsolutePath());
        assertThat(mine).exists();
        assertThat(other).exists();
        assertThat(dead).doesNotExist();
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aFullDiskNamesTheTargetAndTheReason() throws Exception {
        Path target = dir.resolve("out.tfm");
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(java.io.IOException.class,
                () -> new OutputFailure.Naming(full, target).write(new byte[10], 0, 10));
        assertThat(e.getMessage()).isEqualTo(target + ": cannot write (No space left on device)");
        var denied = OutputFailure.of(target, new java.nio.file.AccessDeniedException(dir.resolve(".out.tfm.x.tmp")
                .toString()));
        assertThat(denied.getMessage()).isEqualTo(target + ": cannot write (permission denied)");
    }
}
