#!/usr/bin/env bash
# Benchmark: render one fused axial view of the workstation (fixed slice + moving slice through an oblique transform,
# trilinear, windowed, fused to ARGB) for a 256^3 volume (256x256 slice) and a 512x512x300 volume (512x512 slice),
# with JMH (1 fork, 4 warm-up + 8 measured 1-s iterations). Peer in the same run: the same two slices sampled through
# ImgLib2's n-linear RealRandomAccess (no fusion). Prints medians (ms per view) and the ratio peer / Coreg.
# Usage: bench/render.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-work
bin/with-jdk25 mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
bin/with-jdk25 java -cp "$cp" org.openjdk.jmh.Main RenderBenchmark -rf json -rff bench-work/render-jmh.json 2>&1 \
  | grep -E "^(Benchmark|RenderBenchmark)" || true
python3 - <<'PY'
import json, statistics
res = {}
for b in json.load(open("bench-work/render-jmh.json")):
    name = b["benchmark"].rsplit(".", 1)[1]
    raw = [x for run in b["primaryMetric"]["rawData"] for x in run]
    res[(name, b["params"]["size"])] = statistics.median(raw)
print("| volume (slice) | fixed only | fused blend | fused colour | peer: ImgLib2 2 slices, no fusion | peer / fused blend |")
print("|---|---|---|---|---|---|")
for size, label in (("256", "256^3 (256x256)"), ("512", "512x512x300 (512x512)")):
    f, b, c, p = (res.get((n, size), float("nan")) for n in ("fixedOnly", "fusedBlend", "fusedColour", "peerImgLib2TwoSlices"))
    print(f"| {label} | {f:.2f} ms | {b:.2f} ms | {c:.2f} ms | {p:.2f} ms | {p / b:.1f} |")
PY
