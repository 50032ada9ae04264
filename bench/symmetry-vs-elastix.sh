#!/usr/bin/env bash
# Benchmark (issue 17): rigid CT/MR registration made both ways, Coreg vs elastix 5.0.1, same pairs, same run.
# Pairs and parameters as bench/register-vs-elastix.sh ("mni": MNI152 T1 fixed, MNI CT template moved by a known rigid
# transform; "phantom": the synthetic MR-like/CT-like head phantom with exact truth). For run i, each tool registers the
# moving image to the fixed one (forward, fixed->moving) and the fixed image to the moving one (backward,
# moving->fixed): Coreg as a user runs it (`bin/coreg register --fixed F --moving M --seed i`, then with F and M
# swapped), elastix with bench/elastix-rigid.txt (-f F -m M, then -f M -m F).
# Reports per tool: median wall time of one registration, the inverse-consistency error |backward(forward(x)) - x| at
# the 8 corners of the object box of the fixed image (mean over the corners and max, median over runs; the error of an
# affine map is largest at a corner of a box, so the max bounds it over the whole box), and each direction's worst
# corner error against the known transform.
# Usage: bench/symmetry-vs-elastix.sh [RUNS]   (default 3; needs elastix and ../shared/data or $COREG_SHARED_DATA)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=${COREG_SHARED_DATA:-../shared/data}
w=bench-work/symmetry
mkdir -p "$w"
# shellcheck source=bench/prepare-coreg.sh
. bench/prepare-coreg.sh # $cp, $jbin; the jar and its start-up cache
"$jbin" -cp "$cp" org.coreg.bench.RegistrationBench prepare "$data" "$w"
for pair in mni phantom; do
  f="$w/$pair-fixed.mha"; m="$w/$pair-moving.mha"
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -v -o "$w/$pair-time-coreg-fwd-$i.txt" bin/coreg register --fixed "$f" --moving "$m" --seed "$i" \
      --out-transform "$w/$pair-coreg-fwd-$i.tfm" >/dev/null
    /usr/bin/time -v -o "$w/$pair-time-coreg-back-$i.txt" bin/coreg register --fixed "$m" --moving "$f" --seed "$i" \
      --out-transform "$w/$pair-coreg-back-$i.tfm" >/dev/null
    for dir in fwd back; do
      rm -rf "$w/$pair-elastix-$dir-$i"; mkdir -p "$w/$pair-elastix-$dir-$i"
    done
    /usr/bin/time -v -o "$w/$pair-time-elastix-fwd-$i.txt" elastix -f "$f" -m "$m" -p bench/elastix-rigid.txt \
      -out "$w/$pair-elastix-fwd-$i" >/dev/null
    /usr/bin/time -v -o "$w/$pair-time-elastix-back-$i.txt" elastix -f "$m" -m "$f" -p bench/elastix-rigid.txt \
      -out "$w/$pair-elastix-back-$i" >/dev/null
  done
done
python3 - "$w" "$runs" <<'PY'
import math, statistics, sys
sys.path.insert(0, "bench")
from transform_maps import mat, apply, inverse, both_ways, loop_errors, wall
w, runs = sys.argv[1], int(sys.argv[2])
with open("/proc/loadavg") as f:
    load = f.read().split()[0]
print(f"runs: {runs}, load average at the end: {load}")
print("| pair | tool | median wall, one registration (s) | inverse-consistency error at the object box corners, "
      "mean / max, median over runs (mm) | max over runs (mm) | worst corner error vs known transform, forward / "
      "backward, median (mm) |")
print("|---|---|---|---|---|---|")
for pair in ("mni", "phantom"):
    truth = mat([float(x) for x in open(f"{w}/{pair}-truth.txt").read().split()])
    corners = [[float(x) for x in l.split()] for l in open(f"{w}/{pair}-corners.txt") if l.strip()]
    walls = {}
    for tool in ("coreg", "elastix"):
        ts, means, maxes, ef, eb = [], [], [], [], []
        for i in range(1, runs + 1):
            for d in ("fwd", "back"):
                ts.append(wall(f"{w}/{pair}-time-{tool}-{d}-{i}.txt"))
            fwd, back = both_ways(f"{w}/{pair}", tool, i)
            d = loop_errors(fwd, back, corners)
            means.append(sum(d) / len(d)); maxes.append(max(d))
            ef.append(max(math.dist(apply(fwd, p), apply(truth, p)) for p in corners))
            # backward maps moving to fixed: compare it with truth^-1 at the fixed corners' images in the moving space
            ti = inverse(truth)
            eb.append(max(math.dist(apply(back, apply(truth, p)), apply(ti, apply(truth, p))) for p in corners))
        walls[tool] = statistics.median(ts)
        print(f"| {pair} | {tool} | {walls[tool]:.2f} | {statistics.median(means):.2e} / {statistics.median(maxes):.2e} "
              f"| {max(maxes):.2e} | {statistics.median(ef):.2f} / {statistics.median(eb):.2f} |")
    print(f"| {pair} | ratio coreg/elastix, wall | {walls['coreg'] / walls['elastix']:.2f} | | | |")
PY
