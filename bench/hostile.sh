#!/usr/bin/env bash
# Hostile inputs and faults thrown at bin/coreg (issue 15): every case must end in one plain line on stderr naming
# the problem, exit status 1 (0 for the NaN info case), within seconds, well below 800 MiB resident, with nothing
# left behind. Prints one row per case: exit status, seconds, peak resident MiB (GNU time), files left, message.
# Usage: bench/hostile.sh   (builds core/target/coreg.jar if needed; COREG_AOT=0, default JVM flags of bin/coreg)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/coreg-hostile.XXXXXX)
trap 'rm -rf "$work"' EXIT
export COREG_AOT=0
cd "$work"
python3 - <<'PY'
import gzip, struct, os, zlib, random
def nifti_header(n, datatype=16, bitpix=32):
    h = bytearray(352)
    struct.pack_into('<i', h, 0, 348)
    struct.pack_into('<8h', h, 40, 3, n, n, n, 1, 1, 1, 1)
    struct.pack_into('<hh', h, 70, datatype, bitpix)
    struct.pack_into('<8f', h, 76, 1, 1, 1, 1, 1, 1, 1, 1)
    struct.pack_into('<f', h, 108, 352)
    struct.pack_into('<f', h, 112, 1)
    struct.pack_into('<h', h, 252, 1)
    h[344:348] = b'n+1\0'
    return bytes(h)
open('bomb.nii.gz', 'wb').write(gzip.compress(nifti_header(1000)))
random.seed(15)
noise = bytes(random.getrandbits(8) for _ in range(1 << 20))
open('lie.nii.gz', 'wb').write(gzip.compress(nifti_header(464) + noise))
os.makedirs('h/a/b', exist_ok=True)
for name, target in [('abs', '/etc/passwd'), ('rel', '../../../../../../../../etc/passwd')]:
    open(f'h/a/b/{name}.mhd', 'w').write(f'NDims = 3\nDimSize = 4 4 4\nElementType = MET_UCHAR\nElementDataFile = {target}\n')
    open(f'h/a/b/{name}.nhdr', 'w').write(f'NRRD0004\ntype: uchar\ndimension: 3\nsizes: 4 4 4\nencoding: raw\ndata file: {target}\n')
open('h/big.raw', 'wb').write(bytes(27))
open('h/small.mhd', 'w').write('NDims = 3\nDimSize = 2 2 2\nElementType = MET_UCHAR\nElementDataFile = big.raw\n')
open('h/bomb.zraw', 'wb').write(zlib.compress(bytes(64)))
open('h/bomb.mhd', 'w').write('NDims = 3\nDimSize = 1000 1000 1000\nElementType = MET_FLOAT\nCompressedData = True\nElementDataFile = bomb.zraw\n')
open('bomb.nrrd', 'wb').write(b'NRRD0004\ntype: float\ndimension: 3\nsizes: 1000 1000 1000\nencoding: gzip\nendian: little\n\n' + gzip.compress(bytes(64)))
# DICOM: explicit VR little endian, NumberOfFrames 2^31-1, 4x4x16-bit pixels for three frames
def el(tag, vr, val):
    g, e = tag >> 16, tag & 0xffff
    if len(val) % 2: val += b'\0' if vr in ('UI', 'OB') else b' '
    if vr in ('OB', 'OW', 'SQ', 'UN', 'UT'):
        return struct.pack('<HH2sHI', g, e, vr.encode(), 0, len(val)) + val
    return struct.pack('<HH2sH', g, e, vr.encode(), len(val)) + val
syntax = b'1.2.840.10008.1.2.1'
meta = el(0x00020001, 'OB', b'\0\1') + el(0x00020002, 'UI', b'1.2.840.10008.5.1.4.1.1.2') + el(0x00020003, 'UI', b'1.2.3') + el(0x00020010, 'UI', syntax)
ds = (el(0x00200037, 'DS', b'1\\0\\0\\0\\1\\0') + el(0x00200032, 'DS', b'0\\0\\0') + el(0x0020000E, 'UI', b'1.2.15')
      + el(0x00280002, 'US', struct.pack('<H', 1)) + el(0x00280004, 'CS', b'MONOCHROME2') + el(0x00280008, 'IS', b'2147483647')
      + el(0x00280010, 'US', struct.pack('<H', 4)) + el(0x00280011, 'US', struct.pack('<H', 4)) + el(0x00280030, 'DS', b'1\\1')
      + el(0x00280100, 'US', struct.pack('<H', 16)) + el(0x00280101, 'US', struct.pack('<H', 16)) + el(0x00280103, 'US', struct.pack('<H', 0))
      + el(0x7FE00010, 'OW', bytes(96)))
os.makedirs('dicom', exist_ok=True)
open('dicom/frames.dcm', 'wb').write(bytes(128) + b'DICM' + el(0x00020000, 'UL', struct.pack('<I', len(meta))) + meta + ds)
# a float image with NaN and infinite voxels
vals = [float('nan'), -3, 7, float('inf'), 1, 2, float('nan'), float('-inf')]
open('nan.nii', 'wb').write(nifti_header(2)[:352] + struct.pack('<8f', *vals))
PY
cp "$root/sample-data/meat-mr-t2.mha" mr.mha
printf '#Insight Transform File V1.0\n#Transform 0\nTransform: AffineTransform_double_3_3\nParameters: 1 0 0 0 1 0 0 0 1 0 0 0\nFixedParameters: 0 0 0\n' > id.tfm
mkfifo fifo
printf 'info %s\ninfo %s\nconvert %s %s\n' "$work/bomb.nii.gz" "$work/mr.mha" "$work/mr.mha" "$work/out-batch.nrrd" > jobs.txt
# What a run left: files newer than the mark, other than this script's own capture files and the batch's result.
snapshot() { find "$work" -newer "$work/.mark" -type f ! -name '.mark' ! -name '.time' ! -name '.out' ! -name '.err' \
  ! -name 'out-batch.nrrd' | sort; }
printf '%-38s %4s %6s %7s %5s  %s\n' case exit secs MiB left message
run() {
  local name=$1; shift
  touch "$work/.mark"; sleep 0.01
  /usr/bin/time -f '%e %M' -o "$work/.time" timeout 60 "$root/bin/coreg" "$@" >"$work/.out" 2>"$work/.err" </dev/null
  local status=$?
  read -r secs kib < <(tail -n 1 "$work/.time") || true
  local left; left=$(snapshot | grep -c .)
  [ "$left" = 0 ] || snapshot >> "$work/.leftovers"
  printf '%-38s %4s %6s %7s %5s  %s\n' "$name" "$status" "$secs" "$((kib / 1024))" "$left" \
    "$(head -c 150 "$work/.err" | tr '\n' '|')"
}
run "nii.gz claims 1000^3 floats" info bomb.nii.gz
run "nii.gz 1 MiB noise claims 400 MB" info lie.nii.gz
run "mhd ElementDataFile /etc/passwd" convert h/a/b/abs.mhd out1.nii
run "mhd ElementDataFile ../../etc/passwd" convert h/a/b/rel.mhd out2.nii
run "nhdr data file /etc/passwd" convert h/a/b/abs.nhdr out3.nii
run "nhdr data file ../../etc/passwd" convert h/a/b/rel.nhdr out4.nii
run "mhd raw larger than declared" info h/small.mhd
run "mhd zraw claims 1000^3 floats" info h/bomb.mhd
run "nrrd gzip claims 1000^3 floats" info bomb.nrrd
run "DICOM NumberOfFrames 2^31-1" info dicom/frames.dcm
run "DICOM folder with the frame bomb" info dicom
run "register --threads 100000" register --fixed mr.mha --moving mr.mha --out-transform t1.tfm --threads 100000
run "register --grid-spacing 0.5" register --fixed mr.mha --moving mr.mha --out-transform t2.tfm --stages rigid,affine,bspline --grid-spacing 0.5
run "register into /sys (denied)" register --fixed mr.mha --moving mr.mha --out-transform /sys/t.tfm
run "register into a missing folder" register --fixed mr.mha --moving mr.mha --out-transform nowhere/t.tfm
run "info /dev/zero" info /dev/zero
run "info on a FIFO" info fifo
run "resample --transform /dev/zero" resample --fixed mr.mha --moving mr.mha --transform /dev/zero --out r.nii
run "convert onto /dev/full" convert mr.mha /dev/full
run "info NaN and infinite voxels" info nan.nii
nan_line=$(grep range "$work/.out")
# A full disk: a 64 KiB tmpfs, where the machine allows mounting one (root with CAP_SYS_ADMIN).
mkdir -p full
if mount -t tmpfs -o size=64k tmpfs full 2>/dev/null; then
  run "convert onto a full disk" convert mr.mha full/out.nii
  run "resample onto a full disk" resample --fixed mr.mha --moving mr.mha --transform "$work/id.tfm" --out full/r.nii
  echo "files on the full disk afterwards: $(ls -A full | wc -l)"
  umount full
fi
run "batch with a bomb among jobs" batch jobs.txt
echo "NaN info output: $nan_line"
echo "batch summary: $(grep '^batch:' "$work/.out")"
# SIGTERM in the middle of a large write: no temporary file may remain.
python3 -c "import struct;h=bytearray(352);struct.pack_into('<i',h,0,348);struct.pack_into('<8h',h,40,3,400,400,300,1,1,1,1);struct.pack_into('<hh',h,70,16,32);struct.pack_into('<8f',h,76,1,1,1,1,1,1,1,1);struct.pack_into('<f',h,108,352);h[344:348]=b'n+1\0';f=open('$work/large.nii','wb');f.write(h);f.write(bytes(400*400*300*4))"
"$root/bin/coreg" convert large.nii large-copy.nrrd 2>/dev/null & pid=$!
sleep 1.5; kill -TERM $pid; wait $pid; st=$?
echo "SIGTERM during convert (exit $st): temporary files left: $(find "$work" -name '*.coreg-*.tmp' | wc -l)"
