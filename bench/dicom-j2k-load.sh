#!/usr/bin/env bash
# Benchmark: load a 512x512x300 int16 JPEG 2000 DICOM series (lossless .90 and lossy .91 at 2 bits per pixel) with
# Coreg in one JVM (2 warm-ups, RUNS measured loads; scan + sort + decode + geometry), and convert the same folders
# with `dcm2niix -z n` (OpenJPEG) in the same run (hyperfine, 1 warm-up, RUNS runs). The series are the real CT
# slices of ../shared/data/meat-phantom-ct-mr/ct-dicom-subset with new positions, encoded by jai-imageio's JPEG 2000
# encoder into $WORK (default /tmp/coreg-j2k-bench; made once, several minutes). Prints medians and the ratio
# Coreg / dcm2niix (issue 16's target: at most 3). Usage: RUNS=3 bench/dicom-j2k-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${COREG_SHARED_DATA:-../shared/data}
work=${WORK:-/tmp/coreg-j2k-bench}
runs=${RUNS:-3}
mkdir -p bench-work "$work"
bin/with-jdk25 mvn -B -q -o -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
if [ ! -d "$work/j2k-lossy" ] || [ "$(ls "$work/j2k-lossy" | wc -l)" -ne 300 ]; then
  rm -rf "$work/j2k-lossless" "$work/j2k-lossy"
  bin/with-jdk25 java -Xmx3g -cp "$cp" org.coreg.bench.MakeJpeg2000BenchSeries \
    "$data/meat-phantom-ct-mr/ct-dicom-subset" "$work"
fi
du -sh "$work/j2k-lossless" "$work/j2k-lossy"

coreg=$(bin/with-jdk25 java -Xmx4g -cp "$cp" org.coreg.bench.DicomLoadBenchmark "$runs" "$work/j2k-lossless" \
  "$work/j2k-lossy" 2>/dev/null)
echo "$coreg"
rm -rf "$work/out" && mkdir -p "$work/out"
hyperfine -N --warmup 1 --runs "$runs" --export-json bench-work/dcm2niix-j2k.json \
  "dcm2niix -z n -f lossless -o $work/out $work/j2k-lossless" \
  "dcm2niix -z n -f lossy -o $work/out $work/j2k-lossy" >/dev/null 2>&1

COREG="$coreg" python3 - <<'PY'
import json, os, statistics
coreg = {}
for line in os.environ["COREG"].splitlines():
    parts = line.split()
    coreg[os.path.basename(parts[0])] = (float(parts[1]), parts[2], parts[3])
res = json.load(open("bench-work/dcm2niix-j2k.json"))["results"]
d = {os.path.basename(r["command"].split()[-1]): statistics.median(r["times"]) * 1000 for r in res}
print("| series (512x512x300 int16) | Coreg load median (min..max) ms | dcm2niix -z n median (ms) | Coreg / dcm2niix |")
print("|---|---|---|---|")
for k, label in (("j2k-lossless", "JPEG 2000 lossless (.90)"), ("j2k-lossy", "JPEG 2000 lossy, 2 bpp (.91)")):
    med, lo, hi = coreg[k]
    print(f"| {label} | {med:.0f} ({lo}..{hi}) | {d[k]:.0f} | {med / d[k]:.2f} |")
PY
