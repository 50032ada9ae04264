package org.coreg.bench;

import java.util.concurrent.TimeUnit;
import net.imglib2.RealRandomAccess;
import net.imglib2.interpolation.randomaccess.NLinearInterpolatorFactory;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.view.Views;
import org.coreg.app.demo.SyntheticHead;
import org.coreg.app.render.FusionMode;
import org.coreg.app.render.FusionSettings;
import org.coreg.app.render.Interpolation;
import org.coreg.app.render.SampledVolume;
import org.coreg.app.render.SliceGrid;
import org.coreg.app.render.SliceImage;
import org.coreg.app.render.ViewPlane;
import org.coreg.app.render.ViewRenderer;
import org.coreg.app.render.WindowLevel;
import org.coreg.image.AffineMap;
import org.coreg.image.ImageGeometry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to render one axial view of the workstation: the fixed slice through the centre plus the moving volume
 * sampled through an oblique fixed-to-moving transform (trilinear), windowed and fused to ARGB. The peer, measured in
 * the same run, samples the same two slices pixel by pixel through ImgLib2's n-linear {@code RealRandomAccess} (the
 * straightforward library route), without windowing or fusion. Run by bench/render.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx5g"})
public class RenderBenchmark {
    /** {@code 256} = 256^3 at 1 mm (slice 256x256); {@code 512} = 512x512x300 at 0.5 x 0.5 x 1 mm (slice 512x512). */
    @Param({"256", "512"})
    public int size;

    private SampledVolume fixed;
    private SampledVolume moving;
    private AffineMap fixedToMoving;
    private SliceGrid grid;
    private final ViewRenderer renderer = new ViewRenderer(Interpolation.LINEAR);
    private final WindowLevel window = new WindowLevel(40, 400);
    private RealRandomAccess<FloatType> fixedAccess;
    private RealRandomAccess<FloatType> movingAccess;
    private AffineMap fixedWorldToIndex;
    private AffineMap fixedToMovingIndex;
    private float[] peerOut;

    @Setup(Level.Trial)
    public void setUp() {
        ImageGeometry g = size == 256
                ? ImageGeometry.axisAligned(new int[] {256, 256, 256}, new double[] {1, 1, 1}, new double[] {-128, -128, -128})
                : ImageGeometry.axisAligned(new int[] {512, 512, 300}, new double[] {0.5, 0.5, 1}, new double[] {-128, -128, -150});
        double a = Math.toRadians(10);
        fixedToMoving = AffineMap.ofRowMajor3x4(Math.cos(a), -Math.sin(a), 0, 4, Math.sin(a), Math.cos(a), 0, -3, 0, 0,
                1, 2);
        fixed = SampledVolume.of(SyntheticHead.render(g, new double[3], AffineMap.identity(),
                SyntheticHead.Contrast.MR, "fixed"));
        moving = SampledVolume.of(SyntheticHead.render(g, new double[3], fixedToMoving.inverse(),
                SyntheticHead.Contrast.CT, "moving"));
        grid = SliceGrid.covering(g, ViewPlane.AXIAL, g.center());
        fixedAccess = access(fixed, g);
        movingAccess = access(moving, g);
        fixedWorldToIndex = g.worldToIndex();
        fixedToMovingIndex = g.worldToIndex().after(fixedToMoving);
        peerOut = new float[2 * grid.pixelCount()];
    }

    private static RealRandomAccess<FloatType> access(SampledVolume v, ImageGeometry g) {
        float[] values = v.source().toFloatArray();
        var img = ArrayImgs.floats(values, g.size(0), g.size(1), g.size(2));
        return Views.interpolate(Views.extendZero(img), new NLinearInterpolatorFactory<FloatType>()).realRandomAccess();
    }

    /** Fixed slice alone, windowed to grey. */
    @Benchmark
    public SliceImage fixedOnly() {
        return renderer.render(fixed, null, fixedToMoving, grid, window, window, FusionSettings.defaults());
    }

    /** Fixed and moving (oblique transform), alpha blend. */
    @Benchmark
    public SliceImage fusedBlend() {
        return renderer.render(fixed, moving, fixedToMoving, grid, window, window, FusionSettings.defaults());
    }

    /** Fixed and moving (oblique transform), magenta/green colour fusion. */
    @Benchmark
    public SliceImage fusedColour() {
        return renderer.render(fixed, moving, fixedToMoving, grid, window, window,
                FusionSettings.defaults().withMode(FusionMode.COLOUR));
    }

    /** Peer: the same two slices sampled through ImgLib2 n-linear interpolation, single thread, no fusion. */
    @Benchmark
    public float[] peerImgLib2TwoSlices() {
        double[] p = new double[3];
        double[] idx = new double[3];
        int n = 0;
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                double[] w = grid.toWorld(x, y);
                fixedWorldToIndex.apply(w, idx);
                fixedAccess.setPosition(idx);
                peerOut[n++] = fixedAccess.get().get();
                fixedToMovingIndex.apply(w, p);
                movingAccess.setPosition(p);
                peerOut[n++] = movingAccess.get().get();
            }
        }
        return peerOut;
    }
}
