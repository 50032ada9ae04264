package org.coreg.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parser paths the series tests do not reach on their own. */
class DicomParserTest {
    @TempDir
    Path tmp;

    private static DicomTestWriter slice(TransferSyntax ts, byte[] privateBlob) {
        DicomTestWriter w = DicomTestWriter.forSyntax(ts);
        w.str(DicomTags.SERIES_INSTANCE_UID, "UI", "1.2.16");
        w.decimals(DicomTags.IMAGE_POSITION_PATIENT, 1, 2, 3);
        w.decimals(DicomTags.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 0, 1, 0);
        w.raw(0x00291010, "OB", privateBlob);
        w.us(DicomTags.ROWS, 3).us(DicomTags.COLUMNS, 2).us(DicomTags.BITS_ALLOCATED, 16)
                .us(DicomTags.BITS_STORED, 12).us(DicomTags.PIXEL_REPRESENTATION, 1);
        w.decimals(DicomTags.PIXEL_SPACING, 1, 1);
        // 12-bit signed values in 16-bit words with junk in the top 4 bits.
        w.pixels16(new short[] {(short) 0xF7FF, 0x0800, (short) 0xA001, 0x0FFF, 5, (short) 0x1005});
        return w;
    }

    @Test
    void headerLongerThanTheFirstChunkIsReadWhole() throws Exception {
        Path file = tmp.resolve("big-header.dcm");
        Files.write(file, slice(TransferSyntax.EXPLICIT_LE, new byte[3 * DicomParser.HEADER_CHUNK])
                .toFile(TransferSyntax.EXPLICIT_LE.uid(), true, false));
        DicomFile header = DicomParser.readHeader(file);
        assertThat(header.hasPixelData()).isTrue();
        assertThat(header.pixelsParsed()).isFalse();
        assertThat(header.pixelDataEnd()).isEqualTo(Files.size(file));
        assertThat(SeriesScanner.scan(tmp).series()).hasSize(1);
    }

    @Test
    void bitsAboveBitsStoredAreDroppedAndSignExtended() throws Exception {
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_LE, TransferSyntax.IMPLICIT_LE,
                TransferSyntax.forUid("1.2.840.10008.1.2.2"))) {
            Path file = tmp.resolve("bits-" + ts.uid() + ".dcm");
            Files.write(file, slice(ts, new byte[4]).toFile(ts.uid(), false, false));
            Volume v = new DicomReader(DicomReadOptions.STRICT).read(file);
            assertThat((short[]) v.voxels().array()).as(ts.name())
                    .containsExactly((short) 2047, (short) -2048, (short) 1, (short) -1, (short) 5, (short) 5);
        }
    }
}
