#!/usr/bin/env bash
# Benchmark: read a 512x512x300 int16 CT stored as gzip .nrrd (written by ITK through plastimatch, as Slicer writes
# them) and as raw .nrrd with Coreg (JMH, single-shot, 9 measured reads after 3 warm-ups, one JVM), and time
# `gzip -dc` on the same gzip payload (the bytes after the header) in the same run (hyperfine, 9 runs).
# Prints medians and the ratio Coreg / gzip. Needs ../shared/data (the real CT), plastimatch and hyperfine.
# Usage: bench/nrrd-read.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${COREG_SHARED_DATA:-../shared/data}
mkdir -p bench-work
bin/with-jdk25 mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
if [ ! -f bench-work/ct512x512x300.nrrd ]; then
  plastimatch resample --input "$data/meat-phantom-ct-mr/ct.mha" --output bench-work/ct512x512x300.nrrd \
    --dim "512 512 300" --spacing "0.390625 0.390625 0.85" >/dev/null
  plastimatch convert --input bench-work/ct512x512x300.nrrd --output-img bench-work/ct512x512x300.nhdr >/dev/null
fi
python3 - <<'PY'
b = open("bench-work/ct512x512x300.nrrd", "rb").read()
open("bench-work/ct512x512x300.nrrd-payload.gz", "wb").write(b[b.index(b"\n\n") + 2:])
PY
ls -l bench-work/ct512x512x300.nrrd bench-work/ct512x512x300.raw

bin/with-jdk25 java -cp "$cp" org.openjdk.jmh.Main ReadBenchmark \
  -p file=bench-work/ct512x512x300.nrrd,bench-work/ct512x512x300.nhdr \
  -rf json -rff bench-work/nrrd-jmh.json 2>&1 | grep -E "^(Benchmark|ReadBenchmark)" || true
hyperfine -N --warmup 2 --runs 9 --export-json bench-work/nrrd-gzip.json \
  'gzip -dc bench-work/ct512x512x300.nrrd-payload.gz' --output=null >/dev/null 2>&1 || \
  hyperfine --warmup 2 --runs 9 --export-json bench-work/nrrd-gzip.json \
  'gzip -dc bench-work/ct512x512x300.nrrd-payload.gz > /dev/null' >/dev/null

python3 - <<'PY'
import json, statistics
med = {}
for b in json.load(open("bench-work/nrrd-jmh.json")):
    raw = [x for run in b["primaryMetric"]["rawData"] for x in run]
    med[b["params"]["file"]] = statistics.median(raw)
gz = statistics.median(json.load(open("bench-work/nrrd-gzip.json"))["results"][0]["times"]) * 1000
nrrd = med["bench-work/ct512x512x300.nrrd"]
nhdr = med["bench-work/ct512x512x300.nhdr"]
print("| case | median (ms) |")
print("|---|---|")
print(f"| Coreg read .nhdr + .raw (150 MiB) | {nhdr:.0f} |")
print(f"| Coreg read .nrrd (gzip) | {nrrd:.0f} |")
print(f"| gzip -dc on the same payload > /dev/null | {gz:.0f} |")
print(f"| ratio Coreg .nrrd / gzip | {nrrd / gz:.2f} |")
PY
