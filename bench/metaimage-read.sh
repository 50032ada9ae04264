#!/usr/bin/env bash
# Benchmark: read a 512x512x300 int16 CT as MetaImage with Coreg -- .mha (zlib level 1, Coreg's default) and
# .mhd + .raw -- (JMH, single-shot, 9 measured reads after 3 warm-ups, one JVM), and in the same run let ITK read
# the same files through `plastimatch header FILE` (it loads and decodes the whole image; hyperfine, 9 runs, so it
# includes plastimatch's process start, measured alone on a 1-voxel file and reported beside it).
# Also decompresses the .mha's zlib stream in memory with Python's zlib (the same libz, no file or process cost) as
# the floor for the compressed case. Prints medians and the ratios Coreg / plastimatch and Coreg / zlib. Needs ../shared/data, plastimatch and hyperfine.
# Usage: bench/metaimage-read.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${COREG_SHARED_DATA:-../shared/data}
mkdir -p bench-work
bin/with-jdk25 mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
if [ ! -f bench-work/ct512x512x300.mhd ]; then
  bin/with-jdk25 java -Xmx4g -cp "$cp" org.coreg.bench.MakeBenchVolume "$data/meat-phantom-ct-mr/ct.mha" \
    bench-work/ct512x512x300.mha bench-work/ct512x512x300.mhd
fi
printf 'NDims = 3\nDimSize = 1 1 1\nElementType = MET_SHORT\nElementDataFile = LOCAL\n\0\0' > bench-work/one.mha
ls -l bench-work/ct512x512x300.mha bench-work/ct512x512x300.mhd bench-work/ct512x512x300.raw

bin/with-jdk25 java -cp "$cp" org.openjdk.jmh.Main ReadBenchmark \
  -p file=bench-work/ct512x512x300.mha,bench-work/ct512x512x300.mhd \
  -rf json -rff bench-work/mi-jmh.json 2>&1 | grep -E "^(Benchmark|ReadBenchmark)" || true
hyperfine -N --warmup 2 --runs 9 --export-json bench-work/mi-plm.json \
  'plastimatch header bench-work/ct512x512x300.mha' 'plastimatch header bench-work/ct512x512x300.mhd' \
  'plastimatch header bench-work/one.mha' --output=null >/dev/null

python3 - <<'PY'
import json, statistics, time, zlib
b = open("bench-work/ct512x512x300.mha", "rb").read()
z = b[b.index(b"ElementDataFile = LOCAL\n") + 24:]
zt = []
for _ in range(5):
    t = time.perf_counter(); zlib.decompress(z); zt.append((time.perf_counter() - t) * 1000)
zmed = statistics.median(zt)
med = {}
for b in json.load(open("bench-work/mi-jmh.json")):
    raw = [x for run in b["primaryMetric"]["rawData"] for x in run]
    med[b["params"]["file"]] = statistics.median(raw)
plm = [statistics.median(r["times"]) * 1000 for r in json.load(open("bench-work/mi-plm.json"))["results"]]
mha, mhd = med["bench-work/ct512x512x300.mha"], med["bench-work/ct512x512x300.mhd"]
print("| case | median (ms) |")
print("|---|---|")
print(f"| Coreg read .mha (zlib level 1) | {mha:.0f} |")
print(f"| Coreg read .mhd + .raw (150 MiB) | {mhd:.0f} |")
print(f"| plastimatch header .mha (ITK read + process start) | {plm[0]:.0f} |")
print(f"| plastimatch header .mhd + .raw | {plm[1]:.0f} |")
print(f"| plastimatch header on a 1-voxel .mha (process start alone) | {plm[2]:.0f} |")
print(f"| Python zlib.decompress of the same stream, in memory (5 runs) | {zmed:.0f} |")
print(f"| ratio Coreg / plastimatch, .mha | {mha / plm[0]:.2f} |")
print(f"| ratio Coreg .mha / zlib.decompress | {mha / zmed:.2f} |")
print(f"| ratio Coreg / plastimatch, .mhd | {mhd / plm[1]:.2f} |")
PY
