#!/usr/bin/env bash
# Benchmark: resample a 256x256x160 float32 volume onto an oblique 256x256x160 grid through an affine and a B-spline
# transform, with linear (order 1) and cubic B-spline (order 3) interpolation. Coreg: JMH single-shot, 7 measured
# runs after 2 warm-ups, in memory. transformix 5.0.1: the same TransformParameters files and moving.mha, hyperfine
# (5 runs), which includes reading 40 MB and writing 40 MB (.mha) -- so the ratio flatters transformix slightly less
# than it flatters Coreg. Prints medians and ratios. Usage: bench/transform-resample.sh
set -euo pipefail
cd "$(dirname "$0")/.."
w=bench-work/resample
mkdir -p "$w"
# An incremental test-compile that skips the benchmark classes regenerates JMH's BenchmarkList without them.
touch core/src/test/java/org/coreg/bench/*Benchmark.java
rm -f "$w"/jmh-*.json "$w"/tfx-*.json
bin/with-jdk25 mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
[ -f "$w/moving.mha" ] || bin/with-jdk25 java -Xmx4g -cp "$cp" org.coreg.bench.MakeResampleBench "$w"
tps="$w/TransformParameters.affine1.txt,$w/TransformParameters.affine3.txt,$w/TransformParameters.bspline1.txt,$w/TransformParameters.bspline3.txt"
# Interpolation order is in the file for transformix; for Coreg the matching kind is passed as a parameter.
for kind in linear bspline; do
  order=$([ $kind = linear ] && echo 1 || echo 3)
  bin/with-jdk25 java -cp "$cp" org.openjdk.jmh.Main ResampleBenchmark \
    -p transform="$w/TransformParameters.affine$order.txt,$w/TransformParameters.bspline$order.txt" \
    -p interpolation=$kind -rf json -rff "$w/jmh-$kind.json" 2>&1 | grep -E "^(Benchmark|ResampleBenchmark)" || true
done
for kind in linear bspline; do
  [ -s "$w/jmh-$kind.json" ] || { echo "JMH wrote no results for $kind" >&2; exit 1; }
done
for f in affine1 affine3 bspline1 bspline3; do
  mkdir -p "$w/out-$f"
  hyperfine -N --warmup 1 --runs 5 --export-json "$w/tfx-$f.json" \
    "transformix -in $w/moving.mha -tp $w/TransformParameters.$f.txt -out $w/out-$f" >/dev/null 2>&1
done
python3 - "$w" <<'PY'
import json, statistics, sys
w = sys.argv[1]
coreg = {}
for kind in ("linear", "bspline"):
    for b in json.load(open(f"{w}/jmh-{kind}.json")):
        raw = [x for run in b["primaryMetric"]["rawData"] for x in run]
        name = b["params"]["transform"].split("TransformParameters.")[1].replace(".txt", "")
        coreg[name] = statistics.median(raw)
print("| case | Coreg median (ms) | transformix median (ms) | ratio Coreg / transformix |")
print("|---|---|---|---|")
for f in ("affine1", "affine3", "bspline1", "bspline3"):
    t = statistics.median(json.load(open(f"{w}/tfx-{f}.json"))["results"][0]["times"]) * 1000
    label = {"affine1": "affine, linear", "affine3": "affine, cubic B-spline",
             "bspline1": "B-spline transform, linear", "bspline3": "B-spline transform, cubic B-spline"}[f]
    print(f"| {label} | {coreg[f]:.0f} | {t:.0f} | {coreg[f] / t:.2f} |")
PY
