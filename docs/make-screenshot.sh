#!/usr/bin/env bash
# Makes docs/images/workstation.png: the workstation on a virtual X display (xvfb-run) with the synthetic demo pair
# in colour fusion, captured with ImageMagick's `import -window root`.
# Usage: docs/make-screenshot.sh [seconds to wait for the window, default 25]
set -euo pipefail
cd "$(dirname "$0")/.."
wait_s=${1:-25}
bin/with-jdk25 mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/viewer.classpath \
  -DincludeScope=runtime >/dev/null
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
  bin/coreg-viewer --demo --overlay colour >/dev/null 2>&1 &
  pid=\$!
  sleep $wait_s
  import -window root docs/images/workstation.png
  kill \$pid"
echo "wrote docs/images/workstation.png"
