#!/usr/bin/env bash
# Benchmark: a cohort of ROWS (default 6) real CT/MR pairs: the MNI T1 template (sample-data/mni-t1.nii.gz, fixed)
# and the CT template (sample-data/mni-ct.nii.gz), which lie in the same space, moved by a different rigid map per
# row (header rewritten, no resampling); PAIRS=meat the sample meat-phantom pair (MR 128x128x94 fixed, CT 128x128x102
# moving, unrelated frames: the global search runs) moved the same way; PAIRS=meat-full the same at the resolution
# of ../shared/data (MR 256x256x94, CT 256x256x204); PAIRS=phantom small synthetic phantom pairs (84x96x44 and
# 100x110x70). Registered (rigid, default settings and seed)
#  1. by `bin/coreg batch` (one JVM, the jobs one after another, each on all cores), and
#  2. by `bin/coreg-cohort` in Spark's embedded local[*] mode (one row per core), Spark start-up included,
# RUNS times each, alternating (default 3), wall times by `date +%s.%N` and CPU times by /usr/bin/time; then checks
# that the two wrote the same transforms byte for byte, and finally
#  3. (unless STANDALONE=0) submits the same cohort with spark-submit to a localhost standalone cluster of 2 workers
#     x 1 core (master and workers started from the Spark jars of the class path) and reports its wall time and time
#     per row.
# Prints medians and the ratio cohort / batch. Usage: bench/cohort-vs-batch.sh   (ROWS=8 RUNS=5 PAIRS=meat ...)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-6}
runs=${RUNS:-3}
work=$PWD/bench-work/cohort
mkdir -p bench-work
bin/with-jdk25 mvn -B -q -pl cohort -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile="$PWD/bench-work/cohort-cp.txt" >/dev/null
rm -f cohort/target/cohort.classpath && bin/coreg-cohort --help >/dev/null 2>&1  # its own class path, built now
cp="cohort/target/test-classes:cohort/target/classes:$(cat bench-work/cohort-cp.txt)"
rm -rf "$work"
if [ "${PAIRS:-mni}" = phantom ]; then
  bin/with-jdk25 java -cp "$cp" org.coreg.cohort.CohortBench make "$work" "$rows"
elif [ "${PAIRS:-mni}" = meat-full ]; then
  data=${COREG_SHARED_DATA:-../shared/data}
  bin/with-jdk25 java -cp "$cp" org.coreg.cohort.CohortBench make-real "$work" "$rows" \
    "$data/meat-phantom-ct-mr/mr-t2.mha" "$data/meat-phantom-ct-mr/ct.mha"
elif [ "${PAIRS:-mni}" = meat ]; then
  bin/with-jdk25 java -cp "$cp" org.coreg.cohort.CohortBench make-real "$work" "$rows" sample-data/meat-mr-t2.mha \
    sample-data/meat-ct.mha
else
  bin/with-jdk25 java -cp "$cp" org.coreg.cohort.CohortBench make-real "$work" "$rows" sample-data/mni-t1.nii.gz \
    sample-data/mni-ct.nii.gz
fi
bin/coreg --version >/dev/null   # builds bin/coreg's start-up cache outside the timings
nproc_=$(nproc)
now() { date +%s.%N; }
: > bench-work/cohort-times.txt
for r in $(seq 1 "$runs"); do
  rm -rf "$work/batch-out" "$work/cohort-out"; mkdir -p "$work/batch-out"
  t0=$(now); /usr/bin/time -f "%U %S" -o bench-work/cpu-batch.txt bin/coreg batch "$work/jobs.txt" >/dev/null 2>&1
  t1=$(now)
  /usr/bin/time -f "%U %S" -o bench-work/cpu-cohort.txt bin/coreg-cohort "$work/manifest.csv" \
    --out "$work/cohort-out" >/dev/null 2>&1
  t2=$(now)
  echo "batch-cpu $(awk '{print $1 + $2}' bench-work/cpu-batch.txt)" >> bench-work/cohort-times.txt
  echo "cohort-cpu $(awk '{print $1 + $2}' bench-work/cpu-cohort.txt)" >> bench-work/cohort-times.txt
  echo "load $(cut -d' ' -f1 /proc/loadavg)" >> bench-work/cohort-times.txt
  echo "batch $(echo "$t1 - $t0" | bc)" >> bench-work/cohort-times.txt
  echo "cohort $(echo "$t2 - $t1" | bc)" >> bench-work/cohort-times.txt
done
for f in "$work"/batch-out/*.tfm; do
  cmp -s "$f" "$work/cohort-out/$(basename "$f")" || { echo "differs: $(basename "$f")"; exit 1; }
done
echo "transforms: cohort == batch, byte for byte ($(ls "$work"/batch-out/*.tfm | wc -l) files)"
rm -f bench-work/cohort-standalone.txt
if [ "${STANDALONE:-1}" != 0 ]; then
  bin/with-jdk25 java -cp "$cp" org.coreg.cohort.CohortBench standalone "$work" 2 1 "$work/standalone-out" \
    | tee bench-work/cohort-standalone.txt
  for f in "$work"/batch-out/*.tfm; do
    cmp -s "$f" "$work/standalone-out/$(basename "$f")" || { echo "standalone differs: $(basename "$f")"; exit 1; }
  done
fi
ROWS="$rows" NPROC="$nproc_" WORK="$work" python3 - <<'PY'
import os, statistics, csv, re
t = {"batch": [], "cohort": [], "batch-cpu": [], "cohort-cpu": [], "load": []}
for line in open("bench-work/cohort-times.txt"):
    k, v = line.split()
    t[k].append(float(v))
bc, cc = statistics.median(t["batch-cpu"]), statistics.median(t["cohort-cpu"])
b, c = statistics.median(t["batch"]), statistics.median(t["cohort"])
rows = int(os.environ["ROWS"])
print(f"{rows} rows, {os.environ['NPROC']} cores, {len(t['batch'])} runs each; 1-min load average during runs: {', '.join(f'{x:.1f}' for x in t['load'])}")
print("| run | median wall (s) | per row (s) | runs (s) | median CPU user+sys (s) |")
print("|---|---|---|---|---|")
print(f"| coreg batch (1 JVM, rows in turn) | {b:.1f} | {b / rows:.2f} | {', '.join(f'{x:.1f}' for x in t['batch'])} | {bc:.1f} |")
print(f"| coreg-cohort local[*] (Spark start-up included) | {c:.1f} | {c / rows:.2f} | {', '.join(f'{x:.1f}' for x in t['cohort'])} | {cc:.1f} |")
if os.path.exists("bench-work/cohort-standalone.txt"):
  s = open("bench-work/cohort-standalone.txt").read()
  m = re.search(r"cluster start ([0-9.]+) s, spark-submit ([0-9.]+) s", s)
  secs = [float(r["seconds"]) for r in csv.DictReader(open(os.environ["WORK"] + "/standalone-out/results.csv"))]
  print(f"| spark-submit, standalone 2 workers x 1 core (cluster start {float(m.group(1)):.1f} s not included) | {float(m.group(2)):.1f} | {float(m.group(2)) / rows:.2f} | one run; a row on its executor: median {statistics.median(secs):.2f} s | |")
print(f"ratio cohort / batch: wall {c / b:.2f}, CPU {cc / bc:.2f}")
PY
