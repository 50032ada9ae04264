# Sourced by the bench scripts that time bin/coreg: builds the jar and test classes, makes bin/coreg's start-up cache
# for this jar (not timed), and sets $cp (test and main classes with dependencies) and $jbin (the JDK 25 java).
bin/with-jdk25 mvn -B -q -pl core package -DskipTests dependency:build-classpath -Dmdep.outputFile="$PWD/bench-work/cp.txt" \
  >/dev/null
bin/coreg --version >/dev/null
cp="core/target/test-classes:core/target/classes:$(cat bench-work/cp.txt)"
jbin=$(bin/with-jdk25 bash -c 'command -v java')
