#!/usr/bin/env bash
# Benchmark: rigid CT-to-MR registration, Coreg vs elastix 5.0.1, same pair, same run, repeated.
# Pairs: "mni", the MNI152 T1 (fixed) and the MNI CT template (moving) placed through a known rigid transform (30
# degrees about the image centre, 40 mm); "phantom", the synthetic head phantom (MR-like fixed, CT-like moving, 12
# degrees / 14 mm, exact ground truth). Both written as float MetaImages. elastix runs bench/elastix-rigid.txt (Euler, Mattes MI 32
# bins, 4 levels, 200 iterations x 3000 samples, linear interpolation, ASGD, geometric-centre start). Coreg runs its
# defaults (same numbers, plus its automatic global search) as a user runs it: `bin/coreg register --fixed F --moving M
# --out-transform T.tfm`, a fresh JVM per run (the launcher, JVM start-up, reading the files and writing the transform
# included), once with bin/coreg's defaults ("coreg": its JVM flags and start-up cache) and once with the JVM's own
# defaults ("coreg-jvm-defaults", COREG_JAVA_OPTS= and no cache), and with the other optimiser of the rigid levels
# ("coreg-regular-step", --optimizer regular-step).
# Coreg's run i uses --seed i (elastix runs its fixed default seed).
# Reports median wall time, median peak RSS (/usr/bin/time -v) and the worst error at the 8 corners of the T1's
# brain box (mni) or of a 120 mm cube (phantom), in mm vs the known transform, for both, and the time ratios. On the
# mni pair, whose Mattes-MI optimum is not the identity, each tool also registers the unmoved pair (untimed) and its
# answer on the moved pair is compared with the known transform after that answer: how exactly each tool recovers
# the known motion, whatever the pair's own optimum.
# Usage: bench/register-vs-elastix.sh [RUNS]   (default 5; needs elastix and ../shared/data or $COREG_SHARED_DATA)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
data=${COREG_SHARED_DATA:-../shared/data}
w=bench-work/register
mkdir -p "$w"
# shellcheck source=bench/prepare-coreg.sh
. bench/prepare-coreg.sh # $cp, $jbin; the jar and its start-up cache
"$jbin" -cp "$cp" org.coreg.bench.RegistrationBench prepare "$data" "$w"
echo "bin/coreg default JVM flags: $(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' bin/coreg)"
for pair in mni phantom; do
  for i in $(seq 1 "$runs"); do
    # Run i uses --seed i: the accuracy columns then show the spread over random sample streams, not one stream.
    reg=(register --fixed "$w/$pair-fixed.mha" --moving "$w/$pair-moving.mha" --seed "$i")
    /usr/bin/time -v -o "$w/$pair-time-coreg-$i.txt" bin/coreg "${reg[@]}" --out-transform "$w/$pair-coreg-$i.tfm" \
      >/dev/null
    COREG_JAVA_OPTS= /usr/bin/time -v -o "$w/$pair-time-coreg-jvm-defaults-$i.txt" bin/coreg "${reg[@]}" \
      --out-transform "$w/$pair-coreg-jvm-defaults-$i.tfm" >/dev/null
    /usr/bin/time -v -o "$w/$pair-time-coreg-regular-step-$i.txt" bin/coreg "${reg[@]}" --optimizer regular-step \
      --out-transform "$w/$pair-coreg-regular-step-$i.tfm" >/dev/null
    rm -rf "$w/$pair-elastix-$i"; mkdir -p "$w/$pair-elastix-$i"
    /usr/bin/time -v -o "$w/$pair-time-elastix-$i.txt" elastix -f "$w/$pair-fixed.mha" -m "$w/$pair-moving.mha" \
      -p bench/elastix-rigid.txt -out "$w/$pair-elastix-$i" >/dev/null
    if [ "$pair" = mni ]; then # untimed: each tool on the unmoved pair, its own MI optimum
      bin/coreg register --fixed "$w/mni-fixed.mha" --moving "$w/mni-unmoved.mha" --seed "$i" \
        --out-transform "$w/mni-coreg-unmoved-$i.tfm" >/dev/null
      rm -rf "$w/mni-elastix-unmoved-$i"; mkdir -p "$w/mni-elastix-unmoved-$i"
      elastix -f "$w/mni-fixed.mha" -m "$w/mni-unmoved.mha" -p bench/elastix-rigid.txt -out "$w/mni-elastix-unmoved-$i" \
        >/dev/null
    fi
  done
done
# The same registrations as one `coreg batch` (one process for all runs; seeds 1..RUNS).
for pair in mni phantom; do
  : > "$w/$pair-batch.txt"
  for i in $(seq 1 "$runs"); do
    echo "register --fixed $w/$pair-fixed.mha --moving $w/$pair-moving.mha --seed $i --out-transform $w/$pair-batch-$i.tfm" \
      >> "$w/$pair-batch.txt"
  done
  /usr/bin/time -v -o "$w/$pair-time-batch.txt" bin/coreg batch "$w/$pair-batch.txt" >/dev/null 2>&1
done
for pair in mni phantom; do
"$jbin" -cp "$cp" org.coreg.bench.RegistrationBench warm "$w" "$pair" "$((runs + 1))" > "$w/$pair-warm.txt"
python3 - "$w" "$runs" "$pair" <<'PY'
import math, statistics, sys
sys.path.insert(0, "bench")
from transform_maps import mat, apply, compose, tfm_map, elastix_map, wall, cpu, rss_mib
w, runs, pair = sys.argv[1], int(sys.argv[2]), sys.argv[3]
truth = mat([float(x) for x in open(f"{w}/{pair}-truth.txt").read().split()])
corners = [[float(x) for x in l.split()] for l in open(f"{w}/{pair}-corners.txt") if l.strip()]
def err_between(m, n):
    return max(math.dist(apply(m, p), apply(n, p)) for p in corners)
def err(m):
    return max(math.dist(apply(m, p), apply(truth, p)) for p in corners)
rows = {}
for tool in ("coreg", "coreg-jvm-defaults", "coreg-regular-step", "elastix"):
    ts, rs, es, cs, os_ = [], [], [], [], []
    for i in range(1, runs + 1):
        tf = f"{w}/{pair}-time-{tool}-{i}.txt"
        s, r, c = wall(tf), rss_mib(tf), cpu(tf)
        ts.append(s); rs.append(r); cs.append(c)
        m = tfm_map(f"{w}/{pair}-{tool}-{i}.tfm") if tool != "elastix" \
            else elastix_map(f"{w}/{pair}-elastix-{i}/TransformParameters.0.txt")
        es.append(err(m))
        if pair == "mni" and tool in ("coreg", "elastix"):
            u = tfm_map(f"{w}/mni-coreg-unmoved-{i}.tfm") if tool == "coreg" \
                else elastix_map(f"{w}/mni-elastix-unmoved-{i}/TransformParameters.0.txt")
            os_.append(err_between(m, compose(truth, u)))
    own = (statistics.median(os_), max(os_)) if os_ else None
    rows[tool] = (statistics.median(ts), statistics.median(cs), statistics.median(rs), statistics.median(es), max(es),
                  own)
with open("/proc/loadavg") as f:
    load = f.read().split()[0]
print(f"\npair: {pair}, runs: {runs}, load average at the end: {load}")
print("| tool | median wall time (s) | median CPU time, user+sys (s) | median peak RSS (MiB) | median worst corner error vs known transform (mm) | max over runs (mm) | vs known transform after the tool's own answer on the unmoved pair, median / max (mm) |")
print("|---|---|---|---|---|---|---|")
for tool, (t, c, r, e, emax, own) in rows.items():
    o = f"{own[0]:.3f} / {own[1]:.3f}" if own else ""
    print(f"| {tool} | {t:.2f} | {c:.2f} | {r:.0f} | {e:.2f} | {emax:.2f} | {o} |")
warm = float(open(f"{w}/{pair}-warm.txt").read())
print(f"| coreg, registration only, warm JVM (median of runs 2..{runs + 1} in one process) | {warm:.2f} | | | | | |")
batch = wall(f"{w}/{pair}-time-batch.txt")
print(f"| coreg batch: all {runs} registrations in one `coreg batch` process, per job | {batch / runs:.2f} | | | | | |")
print(f"ratio coreg batch per job/elastix: wall time {batch / runs / rows['elastix'][0]:.2f}")
for tool in ("coreg", "coreg-jvm-defaults", "coreg-regular-step"):
    print(f"ratio {tool}/elastix: wall time {rows[tool][0] / rows['elastix'][0]:.2f}, "
          f"CPU time {rows[tool][1] / rows['elastix'][1]:.2f}")
PY
done
