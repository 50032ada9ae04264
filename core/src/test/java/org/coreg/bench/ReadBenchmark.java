package org.coreg.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to read a whole volume file into memory (header, decompression, decoding). Run by bench/io-read.sh, which
 * makes the files and times {@code gzip -dc} on the same file in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 9)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ReadBenchmark {
    @Param({"bench-work/ct512x512x300.nii"})
    public String file;

    private final ImageFormats formats = ImageFormats.standard();

    @Benchmark
    public Volume read() throws Exception {
        return formats.read(Path.of(file));
    }
}
