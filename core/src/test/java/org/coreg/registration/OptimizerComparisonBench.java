package org.coreg.registration;

import org.coreg.image.AffineMap;
import org.coreg.image.Volume;

/**
 * The two optimisers of the linear stages side by side on the CT/MR phantom pairs of {@link PhantomRegistrationTest}
 * (rigid: 8/-5/12 degrees, 7/-11/5 mm; affine: the pair of
 * {@link PhantomRegistrationTest#recoversAffineTransformAfterRigid}), seeds 1..N in one JVM (run 1 includes JIT
 * warm-up). Prints, per optimiser and pair, the worst corner error (120 mm cube rigid, 100 mm cube affine), the wall
 * time of the registration and the iterations run, per seed. For bench/optimizers.sh.
 */
public final class OptimizerComparisonBench {
    private OptimizerComparisonBench() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        AffineMap rigidTruth = Phantom.rigid(8, -5, 12, new double[] {7, -11, 5}, new double[] {3, -4, 6});
        AffineMap affineTruth = PhantomRegistrationTest.affineTruth();
        for (boolean affine : new boolean[] {false, true}) {
            AffineMap truth = affine ? affineTruth : rigidTruth;
            Volume fixed = Phantom.render(PhantomRegistrationTest.fixedGrid(), Phantom.MR, AffineMap.identity(), 8,
                    affine ? 3 : 1);
            Volume moving = Phantom.render(PhantomRegistrationTest.movingGrid(), Phantom.CT, truth, 6, affine ? 4 : 2);
            for (OptimizerKind kind : OptimizerKind.values()) {
                StringBuilder line = new StringBuilder(String.format("%-6s %-13s", affine ? "affine" : "rigid", kind));
                for (int seed = 1; seed <= seeds; seed++) {
                    RegistrationSettings s = RegistrationSettings.defaults().withSeed(seed).withOptimizer(kind);
                    if (affine) {
                        s = s.withStages(Stage.RIGID, Stage.AFFINE);
                    }
                    long t0 = System.nanoTime();
                    RegistrationResult r = new Registration(s).run(fixed, moving);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    int iterations = r.log().stream().mapToInt(LevelLog::iterations).sum();
                    double err = Phantom.cornerError(r.fixedToMoving(), truth, new double[3], affine ? 50 : 60);
                    line.append(String.format(" | %.3f mm %.2f s %d it", err, secs, iterations));
                }
                System.out.println(line);
            }
        }
    }
}
