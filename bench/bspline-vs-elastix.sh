#!/usr/bin/env bash
# Benchmark: multimodal deformable registration (rigid + affine + cubic B-spline), Coreg vs elastix 5.0.1, same pair,
# same run, repeated. Pair (exact truth): moving = MNI152 T1 2 mm (91x109x91); fixed = a CT-like rendering of it
# (non-monotonic intensity map + noise) through a known smooth B-spline deformation (40 mm nodes, coefficients up to
# 8 mm; see core/src/test/java/org/coreg/registration/deformable/MultimodalCase.java). elastix runs bench/elastix-rigid.txt,
# bench/elastix-affine.txt and bench/elastix-bspline.txt (20 mm final grid, 4 levels, 250 x 3000 samples per level);
# Coreg runs its defaults (rigid, affine, B-spline with the same numbers) as a user runs it, `bin/coreg register
# --stages rigid,affine,bspline --seed i` for run i, a fresh JVM per run (launcher, start-up, reading and writing
# included; the seeds show the spread over random sample streams, elastix runs its fixed default seed).
# Both results are scored by the same Java code reading their transform files (Coreg's ITK .tfm, elastix's
# TransformParameters.2.txt chain): mean residual displacement inside the head (mm) and minimum Jacobian determinant
# on the fixed grid (central differences). Reports medians of wall time, peak RSS (/usr/bin/time -v), error and
# minimum determinant, and the time ratio.
# Usage: bench/bspline-vs-elastix.sh [RUNS]   (default 3; needs elastix and ../shared/data or $COREG_SHARED_DATA)
# BSPLINE_OPTIMIZER=lbfgs bench/bspline-vs-elastix.sh 1   runs Coreg's B-spline stage with the L-BFGS option (full
# sampling, --bspline-optimizer lbfgs) instead of its default stochastic descent; without the variable the rows
# measure the defaults as above.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=${COREG_SHARED_DATA:-../shared/data}
w=bench-work/bspline
mkdir -p "$w"
# shellcheck source=bench/prepare-coreg.sh
. bench/prepare-coreg.sh # $cp, $jbin; the jar and its start-up cache
"$jbin" -cp "$cp" org.coreg.bench.BSplineBench prepare "$data" "$w"
rm -f "$w"/score-*.txt
for i in $(seq 1 "$runs"); do
  opt=()
  if [ -n "${BSPLINE_OPTIMIZER:-}" ]; then opt=(--bspline-optimizer "$BSPLINE_OPTIMIZER"); fi
  /usr/bin/time -v -o "$w/time-coreg-$i.txt" bin/coreg register --fixed "$w/fixed.mha" --moving "$w/moving.mha" \
    --stages rigid,affine,bspline --seed "$i" "${opt[@]}" --out-transform "$w/coreg-$i.tfm" > "$w/log-coreg-$i.txt" 2>&1
  rm -rf "$w/elastix-$i"; mkdir -p "$w/elastix-$i"
  /usr/bin/time -v -o "$w/time-elastix-$i.txt" elastix -f "$w/fixed.mha" -m "$w/moving.mha" \
    -p bench/elastix-rigid.txt -p bench/elastix-affine.txt -p bench/elastix-bspline.txt -out "$w/elastix-$i" >/dev/null
  "$jbin" -cp "$cp" org.coreg.bench.BSplineBench score "$w" "$w/coreg-$i.tfm" > "$w/score-coreg-$i.txt"
  "$jbin" -cp "$cp" org.coreg.bench.BSplineBench score "$w" "$w/elastix-$i/TransformParameters.2.txt" \
    > "$w/score-elastix-$i.txt"
done
python3 - "$w" "$runs" <<'PY'
import os, re, statistics, sys
w, runs = sys.argv[1], int(sys.argv[2])
def tv(path):
    s = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", s).group(1).split(":")
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(m)))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", s).group(1)) / 1024
    return secs, rss
rows = {}
for tool in ("coreg", "elastix"):
    ts, rs, es, ds, fs = [], [], [], [], []
    for i in range(1, runs + 1):
        s, r = tv(f"{w}/time-{tool}-{i}.txt")
        e, d, f = (float(x) for x in open(f"{w}/score-{tool}-{i}.txt").read().split())
        ts.append(s); rs.append(r); es.append(e); ds.append(d); fs.append(f)
    rows[tool] = (statistics.median(ts), statistics.median(rs), statistics.median(es), max(es),
                  statistics.median(ds), min(ds), max(fs))
print(f"runs: {runs}" + (" (coreg: B-spline optimiser " + os.environ["BSPLINE_OPTIMIZER"] + ")"
      if os.environ.get("BSPLINE_OPTIMIZER") else ""))
print("| tool | median wall time (s) | median peak RSS (MiB) | median mean residual (mm) | worst run (mm) "
      "| median min det J | lowest min det J | largest fraction det J <= 0 |")
print("|---|---|---|---|---|---|---|---|")
for tool, (t, r, e, emax, d, dmin, f) in rows.items():
    print(f"| {tool} | {t:.2f} | {r:.0f} | {e:.3f} | {emax:.3f} | {d:.3f} | {dmin:.3f} | {f:.5f} |")
print(f"\ntime ratio coreg/elastix: {rows['coreg'][0] / rows['elastix'][0]:.2f}")
PY
