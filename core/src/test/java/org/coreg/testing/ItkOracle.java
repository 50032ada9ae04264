package org.coreg.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ITK 5 itself as an oracle: the small C++ program in {@code core/src/test/cpp/itk-transform-oracle}, built once into
 * {@code target/itk-transform-oracle} with cmake and make, maps points through a transform file with ITK's own
 * reader ({@code TransformFileReaderTemplate<double>}, text and HDF5) and converts transform files. Tests that use
 * it are skipped with a message when ITK's cmake config (Debian's libinsighttoolkit5-dev), cmake or g++ is absent.
 */
public final class ItkOracle {
    private static final Path SOURCE = Path.of("core/src/test/cpp/itk-transform-oracle");
    private static final Path BUILD = Path.of("core/target/itk-transform-oracle");
    private static final Path ITK_CMAKE = Path.of("/usr/lib/cmake/ITK-5.2");
    private static Path executable;

    private ItkOracle() {
    }

    /** The built oracle, or skips the calling test with the reason. */
    public static synchronized Path require() throws IOException, InterruptedException {
        if (executable != null) {
            return executable;
        }
        assumeTrue(Files.isDirectory(ITK_CMAKE), "skipped: ITK 5.2's cmake config is absent (apt-get install "
                + "libinsighttoolkit5-dev cmake g++; .ci/run does this)");
        ExternalTool.require("cmake");
        ExternalTool.require("g++");
        Path exe = BUILD.resolve("itk_transform_oracle").toAbsolutePath();
        if (!Files.isExecutable(exe) || Files.getLastModifiedTime(exe).compareTo(
                Files.getLastModifiedTime(SOURCE.resolve("itk_transform_oracle.cxx"))) < 0) {
            Files.createDirectories(BUILD);
            ExternalTool.runOk(BUILD, 300, "cmake", "-DCMAKE_BUILD_TYPE=Release", SOURCE.toAbsolutePath().toString());
            ExternalTool.runOk(BUILD, 600, "make");
        }
        executable = exe;
        return exe;
    }

    /** ITK's image of each LPS mm point through the transform in {@code file}. */
    public static double[][] map(Path file, double[][] points) throws IOException, InterruptedException {
        StringBuilder in = new StringBuilder();
        for (double[] p : points) {
            in.append(p[0]).append(' ').append(p[1]).append(' ').append(p[2]).append('\n');
        }
        String out = run(in.toString(), "map", file.toAbsolutePath().toString());
        String[] lines = out.strip().split("\n");
        if (lines.length != points.length) {
            throw new AssertionError("ITK mapped " + lines.length + " of " + points.length + " points:\n" + out);
        }
        double[][] mapped = new double[points.length][3];
        for (int i = 0; i < lines.length; i++) {
            String[] v = lines[i].strip().split("\\s+");
            for (int d = 0; d < 3; d++) {
                mapped[i][d] = Double.parseDouble(v[d]);
            }
        }
        return mapped;
    }

    /** Lets ITK read {@code in} and write its transforms to {@code out} (format by extension: .tfm text, .h5). */
    public static void convert(Path in, Path out) throws IOException, InterruptedException {
        run("", "convert", in.toAbsolutePath().toString(), out.toAbsolutePath().toString());
    }

    /** As {@link #convert}, with single-precision ({@code _float_3_3}) transforms. */
    public static void convertFloat(Path in, Path out) throws IOException, InterruptedException {
        run("", "convert-float", in.toAbsolutePath().toString(), out.toAbsolutePath().toString());
    }

    /** The ITK class names of the transforms in {@code file}, composites' members indented below them. */
    public static List<String> types(Path file) throws IOException, InterruptedException {
        return List.of(run("", "types", file.toAbsolutePath().toString()).strip().split("\n"));
    }

    /** Runs the oracle and returns stdout; fails with stderr when it exits non-zero. */
    public static String run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(require().toString());
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("itk-oracle", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", cmd) + " exited " + p.exitValue() + ":\n"
                        + Files.readString(err));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
