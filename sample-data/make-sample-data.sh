#!/usr/bin/env bash
# Remakes sample-data/ from ../shared/data (or $COREG_SHARED_DATA) with Coreg's own commands.
# Usage: sample-data/make-sample-data.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${COREG_SHARED_DATA:-../shared/data}
coreg=bin/coreg
# Meat phantom: the CT (256x256x204, 0.78x0.78x1.25 mm) and the MR T2 (256x256x94, 1x1x2.5 mm), both real scans
# in unrelated frames of reference, block-averaged to about 1.5-2.5 mm voxels.
$coreg shrink "$data/meat-phantom-ct-mr/ct.mha" sample-data/meat-ct.mha --factors 2,2,2
$coreg shrink "$data/meat-phantom-ct-mr/mr-t2.mha" sample-data/meat-mr-t2.mha --factors 2,2,1
# MNI head templates (91x109x91, 2 mm), aligned by construction: CT (uint8 with scl_slope) and T1.
$coreg convert "$data/mni-ct-mr-templates/scct.nii" sample-data/mni-ct.nii.gz
$coreg convert "$data/mni-ct-mr-templates/MNI152_T1_2mm.nii.gz" sample-data/mni-t1.nii.gz
ls -l sample-data
