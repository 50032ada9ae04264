#!/usr/bin/env bash
# Benchmark: the workstation's speed targets, through its own use cases in one JVM with the viewer's flags (-Xmx4g):
# the sample pair (sample-data/meat-mr-t2.mha fixed, meat-ct.mha moving) opened and registered with the Register
# panel's defaults ("click to result", REPEATS times: the first includes the JVM's warm-up), and a full-resolution
# clinical pair: the meat phantom's MR T2 as its DICOM folder (512x512x94) with a 512x512x400 CT made by resampling
# ct.mha (written to bench-work/, not committed), opened together, registered REPEATS times, and its fused axial view
# rendered; peak resident memory. Peers in the same run: dcm2niix converting the same DICOM folder, elastix 5.0.1
# (bench/elastix-rigid.txt) registering the sample pair.
# Usage: bench/workstation-clinical.sh [REPEATS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-3}
data=${COREG_SHARED_DATA:-../shared/data}/meat-phantom-ct-mr
w=bench-work/workstation
mkdir -p "$w"
bin/with-jdk25 mvn -B -q -o -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
java=(bin/with-jdk25 java -Xmx4g --enable-native-access=ALL-UNNAMED -cp "$cp")
[ -f "$w/ct-512x512x400.mha" ] || "${java[@]}" org.coreg.bench.WorkstationClinicalBench prepare "$w" "$data/ct.mha"
"${java[@]}" org.coreg.bench.WorkstationClinicalBench run sample-data/meat-mr-t2.mha sample-data/meat-ct.mha \
  "$data/mr-t2-dicom" "$w/ct-512x512x400.mha" "$repeats" | tee "$w/coreg.txt"
peer_dcm=() peer_elx=()
for i in $(seq 1 "$repeats"); do
  rm -rf "$w/dcm2niix"; mkdir -p "$w/dcm2niix"
  s=$(date +%s%N); dcm2niix -z n -o "$w/dcm2niix" "$data/mr-t2-dicom" >/dev/null 2>&1 || true
  peer_dcm+=("$(( ($(date +%s%N) - s) / 1000000 ))")
  rm -rf "$w/elastix"; mkdir -p "$w/elastix"
  s=$(date +%s%N); elastix -f sample-data/meat-mr-t2.mha -m sample-data/meat-ct.mha -p bench/elastix-rigid.txt \
    -out "$w/elastix" >/dev/null 2>&1 || true
  peer_elx+=("$(( ($(date +%s%N) - s) / 1000000 ))")
done
python3 - "$w/coreg.txt" "${peer_dcm[*]}" "${peer_elx[*]}" <<'PY'
import statistics, sys
vals, cpu = {}, {}
for line in open(sys.argv[1]):
    f = line.split()
    try:
        vals.setdefault(f[0], []).append(float(f[1]))
    except ValueError:
        continue
    if len(f) >= 4 and f[2] == "cpu":
        cpu.setdefault(f[0], []).append(float(f[3]))
dcm = [int(x) / 1000 for x in sys.argv[2].split()]
elx = [int(x) / 1000 for x in sys.argv[3].split()]
med = statistics.median
click = vals["sample-click-to-result-s"]
reg = vals["clinical-register-s"]
print("| figure | Coreg workstation, wall | its process CPU | target | peer in the same run (wall) | peer / Coreg |")
print("|---|---|---|---|---|---|")
print(f"| sample pair, click to result (default: rigid) | median {med(click):.2f} s (first {click[0]:.2f} s) | median {med(cpu['sample-click-to-result-s']):.2f} s | <= 1.5 s | elastix rigid {med(elx):.2f} s | {med(elx) / med(click):.1f} |")
print(f"| clinical pair opened (MR DICOM 512x512x94 + CT 512x512x400) | {vals['clinical-open-s'][0]:.2f} s | {cpu['clinical-open-s'][0]:.2f} s | <= 3 s | dcm2niix, MR folder alone: {med(dcm):.2f} s | {med(dcm) / vals['clinical-open-s'][0]:.2f} |")
print(f"| clinical pair registered (default) | median {med(reg):.2f} s (first {reg[0]:.2f} s) | median {med(cpu['clinical-register-s']):.2f} s | <= 4 s | | |")
print(f"| fused axial view render (512x512) | {vals['fused-axial-render-ms'][0]:.1f} ms | | <= 10 ms | | |")
print(f"| peak resident memory | {vals['peak-rss-mib'][0] / 1024:.2f} GiB | | <= 3 GiB | | |")
PY
