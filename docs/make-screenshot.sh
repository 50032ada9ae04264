#!/usr/bin/env bash
# Makes docs/images/workstation.png: the workstation on a virtual X display (xvfb-run), captured with ImageMagick's
# `import -window root`. By default it shows the MNI CT template (moving) over the MNI T1 template (fixed) from the
# shared data in colour fusion, or the synthetic demo pair when the shared data are absent.
# Usage: docs/make-screenshot.sh [seconds to wait for the window, default 25] [viewer arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
wait_s=${1:-25}
shift || true
data=${COREG_SHARED_DATA:-../shared/data}
if [ $# -eq 0 ]; then
  if [ -f "$data/mni-ct-mr-templates/MNI152_T1_2mm.nii.gz" ]; then
    set -- --fixed "$data/mni-ct-mr-templates/MNI152_T1_2mm.nii.gz" --moving "$data/mni-ct-mr-templates/scct.nii" \
      --overlay colour
  else
    set -- --demo --overlay colour
  fi
fi
bin/with-jdk25 mvn -B -q -pl core compile dependency:build-classpath -Dmdep.outputFile="$PWD/core/target/viewer.classpath" \
  -DincludeScope=runtime >/dev/null
args=$(printf '%q ' "$@")
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  bin/coreg-viewer $args >/dev/null 2>&1 &
  pid=\$!
  sleep $wait_s
  import -window root docs/images/workstation.png
  kill \$pid"
echo "wrote docs/images/workstation.png"
