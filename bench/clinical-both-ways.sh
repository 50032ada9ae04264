#!/usr/bin/env bash
# Benchmark (issue 17): a full-resolution clinical-size CT/MR pair registered both ways, Coreg vs elastix 5.0.1.
# The pair: the meat phantom's CT and MR of ../shared/data resampled (linear, plus noise) to their scanners' grids,
# CT 512x512x408 (0.39 x 0.39 x 0.625 mm) and MR 512x512x94 (0.5 x 0.5 x 2.5 mm), int16 MetaImage, uncompressed.
# Each tool registers the CT to the MR and the MR to the CT with its defaults (Coreg: `bin/coreg register`, rigid;
# elastix: bench/elastix-rigid.txt, its default threads). Reports the wall time, CPU time (user+sys) and peak RSS of
# each registration (wall as h:mm:ss or m:ss, RSS in kB). elastix from the header
# positions does not find this pair's alignment (docs/benchmarks.md); its times are those of its full schedule.
# Usage: bench/clinical-both-ways.sh [RUNS]   (default 1; needs elastix, about 1 GB of disk in bench-work/)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
data=${COREG_SHARED_DATA:-../shared/data}
w=bench-work/clinical
mkdir -p "$w"
# shellcheck source=bench/prepare-coreg.sh
. bench/prepare-coreg.sh
[ -f "$w/ct.mha" ] || "$jbin" -Xmx6g -cp "$cp" org.coreg.bench.MakeUpsampled "$data/meat-phantom-ct-mr/ct.mha" "$w/ct.mha" 512 512 408 8 1
[ -f "$w/mr.mha" ] || "$jbin" -Xmx6g -cp "$cp" org.coreg.bench.MakeUpsampled "$data/meat-phantom-ct-mr/mr-t2.mha" "$w/mr.mha" 512 512 94 6 2
for i in $(seq 1 "$runs"); do
  /usr/bin/time -v -o "$w/time-coreg-fwd-$i.txt" bin/coreg register --fixed "$w/mr.mha" \
    --moving "$w/ct.mha" --seed "$i" --out-transform "$w/coreg-fwd-$i.tfm" >/dev/null 2>&1
  /usr/bin/time -v -o "$w/time-coreg-back-$i.txt" bin/coreg register --fixed "$w/ct.mha" \
    --moving "$w/mr.mha" --seed "$i" --out-transform "$w/coreg-back-$i.tfm" >/dev/null 2>&1
  for d in fwd back; do rm -rf "$w/elastix-$d-$i"; mkdir -p "$w/elastix-$d-$i"; done
  /usr/bin/time -v -o "$w/time-elastix-fwd-$i.txt" elastix -f "$w/mr.mha" -m "$w/ct.mha" -p bench/elastix-rigid.txt \
    -out "$w/elastix-fwd-$i" >/dev/null
  /usr/bin/time -v -o "$w/time-elastix-back-$i.txt" elastix -f "$w/ct.mha" -m "$w/mr.mha" -p bench/elastix-rigid.txt \
    -out "$w/elastix-back-$i" >/dev/null
done
for f in "$w"/time-*.txt; do
  printf '%s wall %s cpu %s rss %s\n' "$(basename "$f" .txt)" \
    "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$f")" \
    "$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$f")" \
    "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$f")"
done
