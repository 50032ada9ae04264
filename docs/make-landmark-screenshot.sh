#!/usr/bin/env bash
# Makes docs/images/landmarks.png: the workstation (headless JavaFX, Monocle, the same software renderer the UI tests
# use) with the meat phantom's MR (fixed) and CT (moving) from sample-data, the four gold markers from the shared data
# imported as landmark pairs, a rigid registration started from them, the Landmarks panel and the status badge.
# Usage: docs/make-landmark-screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin/with-jdk25 mvn -B -q -o test -Dtest=LandmarkScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcoreg.screenshot="$PWD/docs/images/landmarks.png"
echo "wrote docs/images/landmarks.png"
