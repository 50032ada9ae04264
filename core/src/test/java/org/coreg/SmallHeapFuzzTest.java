package org.coreg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.coreg.testing.Forked;
import org.coreg.testing.ForkedTestClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fuzz and hostile-input tests again, each in a JVM of its own with a 256 MiB heap (the build's tests run with
 * 6 GiB, where an allocation that a file only claims could succeed unnoticed): here it fails the test with an
 * OutOfMemoryError. Fewer fuzz cases than in the main run ({@code coreg.fuzz.cases=1000}) keep it short.
 */
class SmallHeapFuzzTest {
    @ParameterizedTest
    @ValueSource(strings = {"org.coreg.io.nifti.NiftiFuzzTest", "org.coreg.io.metaimage.MetaImageFuzzTest",
        "org.coreg.io.nrrd.NrrdFuzzTest", "org.coreg.io.dicom.DicomHostileTest", "org.coreg.io.dicom.DicomBadInputTest", "org.coreg.io.HostileFilesTest",
        "org.coreg.app.sessionfile.TextFilesFuzzTest", "org.coreg.cli.HostileCliTest"})
    void passesWithA256MiBHeap(String testClass) throws Exception {
        Forked.Result r = Forked.run(600, List.of("-Xmx256m", "-Dcoreg.fuzz.cases=1000", "-Djava.awt.headless=true"),
                ForkedTestClass.class, testClass);
        System.out.println(r.output().lines().filter(l -> l.startsWith("PASS") || l.startsWith("SKIP")
                || l.startsWith("FAIL") || l.startsWith("PEAK")).map(l -> "  small heap: " + l)
                .reduce("", (a, b) -> a + b + "\n"));
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("PASS").doesNotContain("FAIL").doesNotContain("OutOfMemoryError");
    }
}
