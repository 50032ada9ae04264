#!/usr/bin/env bash
# Benchmark (issue 17): a full-resolution clinical-size CT/MR pair registered both ways, Coreg vs elastix 5.0.1.
# The pair: the meat phantom's CT and MR of ../shared/data resampled (linear, plus noise) to their scanners' grids,
# CT 512x512x408 (0.39 x 0.39 x 0.625 mm) and MR 512x512x94 (0.5 x 0.5 x 2.5 mm), int16 MetaImage, zlib-compressed
# as written by MakeUpsampled, and the same pair uncompressed (`coreg convert` to .mhd/.raw: the form a DICOM series
# has, without the decompression both tools must otherwise do first).
# Each tool registers the CT to the MR and the MR to the CT with its defaults (Coreg: `bin/coreg register`, rigid;
# elastix: bench/elastix-rigid.txt, its default threads), RUNS times. Reports per form and direction the median wall
# time, CPU time (user+sys) and peak RSS, the ratio Coreg / elastix of the wall and CPU medians, and each tool's
# inverse-consistency error |back(fwd(x)) - x| at the corners of a 100 mm cube about the MR's centre (mm).
# elastix from the header positions does not find this pair's alignment (docs/benchmarks.md); its times are those
# of its full schedule.
# Usage: bench/clinical-both-ways.sh [RUNS]   (default 3; needs elastix, about 1.5 GB of disk in bench-work/)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=${COREG_SHARED_DATA:-../shared/data}
w=bench-work/clinical
mkdir -p "$w"
# shellcheck source=bench/prepare-coreg.sh
. bench/prepare-coreg.sh
[ -f "$w/ct.mha" ] || "$jbin" -Xmx6g -cp "$cp" org.coreg.bench.MakeUpsampled "$data/meat-phantom-ct-mr/ct.mha" "$w/ct.mha" 512 512 408 8 1
[ -f "$w/mr.mha" ] || "$jbin" -Xmx6g -cp "$cp" org.coreg.bench.MakeUpsampled "$data/meat-phantom-ct-mr/mr-t2.mha" "$w/mr.mha" 512 512 94 6 2
for n in ct mr; do
  [ -f "$w/$n-raw.mhd" ] || COREG_JAVA_OPTS=-Xmx3g bin/coreg convert "$w/$n.mha" "$w/$n-raw.mhd" >/dev/null
done
for i in $(seq 1 "$runs"); do
  for form in zlib raw; do
    if [ "$form" = zlib ]; then ct="$w/ct.mha" mr="$w/mr.mha"; else ct="$w/ct-raw.mhd" mr="$w/mr-raw.mhd"; fi
    /usr/bin/time -v -o "$w/time-$form-coreg-fwd-$i.txt" bin/coreg register --fixed "$mr" --moving "$ct" --seed "$i" \
      --out-transform "$w/$form-coreg-fwd-$i.tfm" >/dev/null 2>&1
    /usr/bin/time -v -o "$w/time-$form-coreg-back-$i.txt" bin/coreg register --fixed "$ct" --moving "$mr" --seed "$i" \
      --out-transform "$w/$form-coreg-back-$i.tfm" >/dev/null 2>&1
    for d in fwd back; do rm -rf "$w/$form-elastix-$d-$i"; mkdir -p "$w/$form-elastix-$d-$i"; done
    /usr/bin/time -v -o "$w/time-$form-elastix-fwd-$i.txt" elastix -f "$mr" -m "$ct" -p bench/elastix-rigid.txt \
      -out "$w/$form-elastix-fwd-$i" >/dev/null
    /usr/bin/time -v -o "$w/time-$form-elastix-back-$i.txt" elastix -f "$ct" -m "$mr" -p bench/elastix-rigid.txt \
      -out "$w/$form-elastix-back-$i" >/dev/null
  done
done
hdr=$(head -c 4096 "$w/mr.mha" | tr -c "[:print:]\n" " ")
centre=$(sed -n "s/^Offset = //p; s/^ElementSpacing = //p; s/^DimSize = //p" <<<"$hdr")
python3 - "$w" "$runs" $centre <<'PY'
import itertools, statistics, sys
sys.path.insert(0, "bench")
from transform_maps import both_ways, loop_errors, wall, cpu, rss_mib
w, runs = sys.argv[1], int(sys.argv[2])
o, sp, n = [list(map(float, sys.argv[3 + 3 * k:6 + 3 * k])) for k in range(3)]
# The MR header's matrix is the identity (MakeUpsampled), so its centre is origin + spacing * (size - 1) / 2.
c = [o[d] + sp[d] * (n[d] - 1) / 2 for d in range(3)]
corners = [[c[d] + s[d] * 50 for d in range(3)] for s in itertools.product((-1, 1), repeat=3)]
med = statistics.median
with open("/proc/loadavg") as f:
    print(f"runs: {runs}, load average at the end: {f.read().split()[0]}")
print("| input | direction | tool | median wall (s) | median CPU (s) | peak RSS (MiB) |")
print("|---|---|---|---|---|---|")
ratios = []
for form in ("zlib", "raw"):
    for d, label in (("fwd", "MR fixed, CT moving"), ("back", "CT fixed, MR moving")):
        fig = {}
        for tool in ("coreg", "elastix"):
            files = [f"{w}/time-{form}-{tool}-{d}-{i}.txt" for i in range(1, runs + 1)]
            fig[tool] = (med(map(wall, files)), med(map(cpu, files)), max(map(rss_mib, files)))
            print(f"| {form} | {label} | {tool} | {fig[tool][0]:.2f} | {fig[tool][1]:.2f} | {fig[tool][2]:.0f} |")
        ratios.append((form, label, fig["coreg"][0] / fig["elastix"][0], fig["coreg"][1] / fig["elastix"][1]))
print()
print("| input | direction | Coreg / elastix, wall | Coreg / elastix, CPU |")
print("|---|---|---|---|")
for form, label, rw, rc in ratios:
    print(f"| {form} | {label} | {rw:.2f} | {rc:.2f} |")
print()
print("| input | tool | inverse-consistency error at the cube's corners, mean / max, median over runs (mm) |")
print("|---|---|---|")
for form in ("zlib", "raw"):
    for tool in ("coreg", "elastix"):
        means, maxes = [], []
        for i in range(1, runs + 1):
            e = loop_errors(*both_ways(f"{w}/{form}", tool, i), corners)
            means.append(sum(e) / len(e))
            maxes.append(max(e))
        print(f"| {form} | {tool} | {med(means):.2e} / {med(maxes):.2e} |")
PY
