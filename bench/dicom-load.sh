#!/usr/bin/env bash
# Benchmark: load a 512x512x300 int16 DICOM series (uncompressed, and JPEG lossless SV1) with Coreg in one JVM
# (2 warm-ups, 7 measured loads; scan + sort + decode + geometry), and convert the same folders with
# `dcm2niix -z n` in the same run (hyperfine, 1 warm-up, 7 runs). The series are copies of the real CT slices of
# ../shared/data/meat-phantom-ct-mr/ct-dicom-subset with new positions, written to $WORK (default /tmp).
# Prints medians and the ratio Coreg / dcm2niix. Usage: bench/dicom-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${COREG_SHARED_DATA:-../shared/data}
work=${WORK:-/tmp/coreg-dicom-bench}
mkdir -p bench-work "$work"
bin/with-jdk25 mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
if [ ! -d "$work/jpegll" ] || [ "$(ls "$work/jpegll" | wc -l)" -ne 300 ]; then
  rm -rf "$work/native" "$work/jpegll"
  bin/with-jdk25 java -Xmx2g -cp "$cp" org.coreg.bench.MakeDicomBenchSeries \
    "$data/meat-phantom-ct-mr/ct-dicom-subset" "$work"
fi
du -sh "$work/native" "$work/jpegll"

coreg=$(bin/with-jdk25 java -Xmx4g -cp "$cp" org.coreg.bench.DicomLoadBenchmark 7 "$work/native" "$work/jpegll" \
  2>/dev/null)
echo "$coreg"
rm -rf "$work/out" && mkdir -p "$work/out"
hyperfine -N --warmup 1 --runs 7 --export-json bench-work/dcm2niix.json \
  "dcm2niix -z n -f native -o $work/out $work/native" \
  "dcm2niix -z n -f jpegll -o $work/out $work/jpegll" >/dev/null 2>&1

COREG="$coreg" python3 - <<'PY'
import json, os, statistics
coreg = {}
for line in os.environ["COREG"].splitlines():
    parts = line.split()
    coreg[os.path.basename(parts[0])] = float(parts[1])
res = json.load(open("bench-work/dcm2niix.json"))["results"]
d = {("native" if "native" in r["command"].split()[-1] else "jpegll"): statistics.median(r["times"]) * 1000
     for r in res}
print("| series (512x512x300 int16) | Coreg load median (ms) | dcm2niix -z n median (ms) | Coreg / dcm2niix |")
print("|---|---|---|---|")
for k, label in (("native", "uncompressed (explicit VR LE)"), ("jpegll", "JPEG lossless SV1")):
    print(f"| {label} | {coreg[k]:.0f} | {d[k]:.0f} | {coreg[k] / d[k]:.2f} |")
print(f"JPEG-lossless / uncompressed (Coreg): {coreg['jpegll'] / coreg['native']:.2f}")
PY
