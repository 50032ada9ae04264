#!/usr/bin/env bash
# Benchmark: load a 512x512x300 int16 JPEG 2000 DICOM series (lossless .90 and lossy .91 at 2 bits per pixel) with
# Coreg in one JVM (2 warm-ups, RUNS measured loads; scan + sort + decode + geometry), and convert the same folders
# with `dcm2niix -z n` (OpenJPEG) in the same run (1 warm-up, RUNS runs, wall and CPU time). The series are the real CT
# slices of ../shared/data/meat-phantom-ct-mr/ct-dicom-subset with new positions, encoded by jai-imageio's JPEG 2000
# encoder into $WORK (default /tmp/coreg-j2k-bench; made once, several minutes). Prints medians and the ratio
# Coreg / dcm2niix in wall time and in CPU time (issue 16's target: at most 3). Usage: RUNS=3 bench/dicom-j2k-load.sh
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
# dcm2niix timed here (no hyperfine needed): 1 warm-up, then RUNS runs per series; wall time and its CPU time.
COREG="$coreg" WORK="$work" RUNS="$runs" python3 - <<'PY'
import os, resource, statistics, subprocess, time
work, runs = os.environ["WORK"], int(os.environ["RUNS"])
coreg = {}
for line in os.environ["COREG"].splitlines():
    parts = line.split()
    coreg[os.path.basename(parts[0])] = (float(parts[1]), parts[2], parts[3], float(parts[-1]))
out = os.path.join(work, "out")
os.makedirs(out, exist_ok=True)
peer = {}
for k in ("j2k-lossless", "j2k-lossy"):
    wall, cpu = [], []
    for r in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        subprocess.run(["dcm2niix", "-z", "n", "-f", k, "-o", out, os.path.join(work, k)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t1 = time.monotonic()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r > 0:
            wall.append((t1 - t0) * 1000)
            cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    peer[k] = (statistics.median(wall), statistics.median(cpu))
print("| series (512x512x300 int16) | Coreg load median (min..max) ms | Coreg CPU ms | dcm2niix -z n median ms"
      " | dcm2niix CPU ms | Coreg / dcm2niix, wall | Coreg / dcm2niix, CPU |")
print("|---|---|---|---|---|---|---|")
for k, label in (("j2k-lossless", "JPEG 2000 lossless (.90)"), ("j2k-lossy", "JPEG 2000 lossy (.91)")):
    med, lo, hi, cpu = coreg[k]
    pw, pc = peer[k]
    print(f"| {label} | {med:.0f} ({lo}..{hi}) | {cpu:.0f} | {pw:.0f} | {pc:.0f} | {med / pw:.2f} | {cpu / pc:.2f} |")
PY
