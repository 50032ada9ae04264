#!/usr/bin/env bash
# Makes the documentation's screenshots from the real workstation window on a virtual X display (xvfb-run; JavaFX on
# the module path, as bin/coreg-viewer runs it): org.coreg.ui.ScreenshotTour opens the sample pair, registers it with
# the real engine (rigid + similarity) and photographs each scene as drawn on screen:
#   docs/images/workstation.png             the main window after opening the pair
#   docs/images/register-panel.png          the Register panel with the result
#   docs/images/points-table.png            the planning points table
#   docs/images/dialog-unsaved-changes.png  the question before New session with unsaved work
#   docs/images/register-panel-bspline.png  rigid + B-spline (20 mm grid, both ways) from that result: the folding
#                                           check in the Register panel, the Jacobian determinant over the views
#   docs/images/transform-list.png          the transform list after it: the B-spline result named as one
# Usage: docs/make-screenshot.sh [FIXED MOVING]   (default sample-data/meat-mr-t2.mha sample-data/meat-ct.mha)
# Needs xvfb-run and GTK 3 (Debian: apt-get install xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
fixed=${1:-sample-data/meat-mr-t2.mha}
moving=${2:-sample-data/meat-ct.mha}
mkdir -p bench-work
bin/with-jdk25 mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/viewer-test.cp" \
  >/dev/null
fx_path="" cp="core/target/test-classes:core/target/classes"
IFS=':' read -r -a jars < bench-work/viewer-test.cp || true
for jar in "${jars[@]}"; do
  case "$jar" in
    */org/openjfx/*-linux.jar) fx_path="$fx_path${fx_path:+:}$jar" ;;
    */org/openjfx/*) ;;
    *) cp="$cp:$jar" ;;
  esac
done
xvfb-run -a -s "-screen 0 1600x1000x24" timeout 900 bin/with-jdk25 java -Xmx4g \
  --enable-native-access=javafx.graphics,ALL-UNNAMED --module-path "$fx_path" --add-modules javafx.controls \
  -Dcoreg.layout=off -cp "$cp" org.coreg.ui.ScreenshotTour docs/images "$fixed" "$moving"
