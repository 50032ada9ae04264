package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.coreg.image.VoxelData;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged JPEG-LS frames, and truncated JPEG 2000 ones, end in an {@link ImageIOException} naming the file, or decode
 * to something; never another exception, never a hang. Truncated JPEG 2000 frames are caught before JJ2000 sees
 * them (no end-of-codestream marker), on which it could otherwise loop for minutes in PktDecoder.readPktHead. It can
 * still loop on some byte-damaged packet headers (byte errors with this test's seed, iteration 75): such a frame is
 * reported as damaged after its time budget ({@link DecodeDeadline}, tested in DecodeDeadlineTest), but the looping
 * thread cannot be stopped and would spin for the rest of this JVM, so JPEG 2000 is fuzzed here by truncation only.
 */
class DicomCodecFuzzTest {
    private static final Path FILE = Path.of("fuzz.dcm");

    private static DicomFile file(String uid, byte[] frame, int w, int h) throws ImageIOException {
        DicomTestWriter wr = DicomJpeg2000Test.header(h, w, 1, 12, false, 0);
        wr.encapsulated(java.util.List.of(frame), false);
        byte[] bytes = wr.toFile(uid, true, false);
        return DicomParser.parse(FILE, bytes, false);
    }

    @ParameterizedTest
    @ValueSource(strings = {DicomJpegLsTest.LOSSLESS, DicomJpegLsTest.NEAR_LOSSLESS, DicomJpeg2000Test.LOSSLESS})
    void damagedFramesFailPlainly(String uid) {
        int w = 24;
        int h = 20;
        int[] s = DicomJpegLsTest.image(w, h, 12, 9);
        byte[] good = uid.equals(DicomJpeg2000Test.LOSSLESS) ? Jpeg2000TestEncoder.encode(s, w, h, 12, false, 0)
                : JpegLsTestEncoder.encode(s, w, h, 12, uid.equals(DicomJpegLsTest.LOSSLESS) ? 0 : 2, 0);
        Random rnd = new Random(uid.hashCode());
        int refused = 0;
        int runs = uid.equals(DicomJpeg2000Test.LOSSLESS) ? 200 : 1500;
        for (int n = 0; n < runs; n++) {
            byte[] bad = good.clone();
            boolean j2k = uid.equals(DicomJpeg2000Test.LOSSLESS);
            for (int e = j2k ? 0 : 1 + rnd.nextInt(4); e > 0; e--) {
                int at = rnd.nextInt(bad.length);
                bad[at] = rnd.nextInt(3) == 0 ? (byte) 0xFF : (byte) rnd.nextInt(256);
            }
            if (j2k || rnd.nextInt(5) == 0) {
                bad = java.util.Arrays.copyOf(bad, rnd.nextInt(bad.length) + 1);
            }
            byte[] frame = bad;
            boolean failed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    DicomFile f = file(uid, frame, w, h);
                    PixelFormat pf = PixelFormat.of(f.dataset());
                    PixelDecoder.decodeFrame(f, pf, 0, VoxelData.allocate(VoxelType.UINT16, w * h), 0);
                    return false;
                } catch (ImageIOException ex) {
                    assertThat(ex.getMessage()).startsWith(FILE.toString());
                    return true;
                }
            });
            refused += failed ? 1 : 0;
        }
        assertThat(refused).as("some damaged frames are refused").isGreaterThan(0);
    }
}
