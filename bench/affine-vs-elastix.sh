#!/usr/bin/env bash
# Benchmark: affine CT-to-MR registration of the synthetic phantom with a known affine transform (rotation 6/4/-7
# degrees, translation (-5, 8, 3) mm, scales 1.06/0.95/1.04 and shears 0.02-0.03; the pair of
# PhantomRegistrationTest.recoversAffineTransformAfterRigid: MR-like fixed 84x96x44 at 2x2x3.6 mm, CT-like oblique
# moving 100x110x70 at 1.9x1.9x2.5 mm). Coreg runs `bin/coreg register --stages rigid,affine --seed i`; elastix 5.0.1
# runs bench/elastix-rigid.txt then bench/elastix-affine.txt. Both are scored by the same Java code reading their
# transform files: the worst error at the 8 corners of a 100 mm cube about the origin (mm). Reports medians of wall
# time and error over RUNS runs of each, alternating.
# Usage: bench/affine-vs-elastix.sh [RUNS]   (default 3; needs elastix)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
w=bench-work/affine
mkdir -p "$w"
# shellcheck source=bench/prepare-coreg.sh
. bench/prepare-coreg.sh # $cp, $jbin; the jar and its start-up cache
"$jbin" -cp "$cp" org.coreg.registration.AffinePhantomBench prepare "$w"
for i in $(seq 1 "$runs"); do
  /usr/bin/time -v -o "$w/time-coreg-$i.txt" bin/coreg register --fixed "$w/fixed.mha" --moving "$w/moving.mha" \
    --stages rigid,affine --seed "$i" --out-transform "$w/coreg-$i.tfm" >/dev/null 2>&1
  rm -rf "$w/elastix-$i"; mkdir -p "$w/elastix-$i"
  /usr/bin/time -v -o "$w/time-elastix-$i.txt" elastix -f "$w/fixed.mha" -m "$w/moving.mha" \
    -p bench/elastix-rigid.txt -p bench/elastix-affine.txt -out "$w/elastix-$i" >/dev/null
  "$jbin" -cp "$cp" org.coreg.registration.AffinePhantomBench score "$w" "$w/coreg-$i.tfm" > "$w/score-coreg-$i.txt"
  "$jbin" -cp "$cp" org.coreg.registration.AffinePhantomBench score "$w" "$w/elastix-$i/TransformParameters.1.txt" \
    > "$w/score-elastix-$i.txt"
done
python3 - "$w" "$runs" <<'PY'
import re, statistics, sys
w, runs = sys.argv[1], int(sys.argv[2])
def wall(path):
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", open(path).read()).group(1).split(":")
    return sum(float(x) * 60 ** i for i, x in enumerate(reversed(m)))
print(f"runs: {runs}")
print("| tool | median wall time (s) | median worst corner error (mm) | min..max over runs (mm) |")
print("|---|---|---|---|")
rows = {}
for tool in ("coreg", "elastix"):
    t = [wall(f"{w}/time-{tool}-{i}.txt") for i in range(1, runs + 1)]
    e = [float(open(f"{w}/score-{tool}-{i}.txt").read()) for i in range(1, runs + 1)]
    rows[tool] = statistics.median(t)
    print(f"| {tool} | {statistics.median(t):.2f} | {statistics.median(e):.3f} | {min(e):.3f}..{max(e):.3f} |")
print(f"\ntime ratio coreg/elastix: {rows['coreg'] / rows['elastix']:.2f}")
PY
