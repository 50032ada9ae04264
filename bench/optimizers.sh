#!/usr/bin/env bash
# Benchmark: the linear stages' two optimisers (stochastic gradient descent, the default, and regular-step gradient
# descent, --optimizer regular-step) on the rigid and affine CT/MR phantom pairs with known transforms, seeds 1..N in
# one JVM with bin/coreg's JVM flags. Prints the worst corner error, the registration's wall time and the iterations
# run per seed (OptimizerComparisonBench).
# Usage: bench/optimizers.sh [SEEDS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-work
# shellcheck source=bench/prepare-coreg.sh
. bench/prepare-coreg.sh # $cp, $jbin
flags=$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' bin/coreg)
# shellcheck disable=SC2086
"$jbin" $flags -cp "$cp" org.coreg.registration.OptimizerComparisonBench "${1:-5}"
