package org.coreg.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.coreg.image.Volume;
import org.coreg.image.interpolation.InterpolationKind;
import org.coreg.io.transform.ElastixTransformFile;
import org.coreg.testing.MiniMetaImage;
import org.coreg.transform.Resampler;
import org.coreg.transform.SpatialTransform;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to resample a moving volume onto the fixed grid through a TransformParameters file (what transformix -in
 * does, minus file I/O). Run by bench/transform-resample.sh, which makes the inputs and times transformix on the same
 * files in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ResampleBenchmark {
    @Param({"bench-work/resample/TransformParameters.affine.txt"})
    public String transform;

    @Param({"linear"})
    public String interpolation;

    private Volume moving;
    private SpatialTransform t;
    private ElastixTransformFile.Contents contents;

    @Setup
    public void load() throws Exception {
        moving = MiniMetaImage.read(Path.of("bench-work/resample/moving.mha"));
        contents = ElastixTransformFile.readContents(Path.of(transform));
        t = contents.transform();
    }

    @Benchmark
    public Volume resample() throws Exception {
        InterpolationKind k = interpolation.equals("linear") ? InterpolationKind.LINEAR : InterpolationKind.BSPLINE;
        return Resampler.resample(moving, t, contents.fixedGrid(), new Resampler.Settings(k, 0));
    }
}
