#!/usr/bin/env bash
# Benchmark: read a 512x512x300 int16 CT as .nii and .nii.gz with Coreg (JMH, single-shot, 9 measured reads after
# 3 warm-ups, one JVM), and time `gzip -dc FILE > /dev/null` on the same .nii.gz in the same run (hyperfine, 9 runs).
# Prints medians and the ratio Coreg / gzip. Needs ../shared/data (the real CT the volume is made from) and hyperfine.
# Usage: bench/io-read.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${COREG_SHARED_DATA:-../shared/data}
# The real CT the bench volume is resampled from; any format Coreg reads (BENCH_SOURCE overrides it).
source=${BENCH_SOURCE:-$data/meat-phantom-ct-mr/ct.mha}
mkdir -p bench-work
bin/with-jdk25 mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
if [ ! -f bench-work/ct512x512x300.nii.gz ]; then
  bin/with-jdk25 java -Xmx4g -cp "$cp" org.coreg.bench.MakeBenchVolume "$source" \
    bench-work/ct512x512x300.nii bench-work/ct512x512x300.nii.gz
fi
ls -l bench-work/ct512x512x300.nii bench-work/ct512x512x300.nii.gz

bin/with-jdk25 java -cp "$cp" org.openjdk.jmh.Main ReadBenchmark \
  -p file=bench-work/ct512x512x300.nii,bench-work/ct512x512x300.nii.gz \
  -rf json -rff bench-work/read-jmh.json 2>&1 | grep -E "^(Benchmark|ReadBenchmark)" || true
hyperfine -N --warmup 2 --runs 9 --export-json bench-work/gzip.json \
  'gzip -dc bench-work/ct512x512x300.nii.gz' --output=null >/dev/null 2>&1 || \
  hyperfine --warmup 2 --runs 9 --export-json bench-work/gzip.json \
  'gzip -dc bench-work/ct512x512x300.nii.gz > /dev/null' >/dev/null

python3 - <<'PY'
import json, statistics
jmh = json.load(open("bench-work/read-jmh.json"))
med = {}
for b in jmh:
    f = b["params"]["file"]
    raw = [x for run in b["primaryMetric"]["rawData"] for x in run]
    med[f] = statistics.median(raw)
gz = json.load(open("bench-work/gzip.json"))["results"][0]
gzip_med = statistics.median(gz["times"]) * 1000
nii = med["bench-work/ct512x512x300.nii"]
niigz = med["bench-work/ct512x512x300.nii.gz"]
print(f"| case | median (ms) |")
print(f"|---|---|")
print(f"| Coreg read .nii (150 MiB) | {nii:.0f} |")
print(f"| Coreg read .nii.gz | {niigz:.0f} |")
print(f"| gzip -dc .nii.gz > /dev/null | {gzip_med:.0f} |")
print(f"| ratio Coreg .nii.gz / gzip | {niigz / gzip_med:.2f} |")
PY
