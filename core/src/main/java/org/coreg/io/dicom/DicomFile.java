package org.coreg.io.dicom;

import java.nio.file.Path;

/**
 * A parsed DICOM file: its transfer syntax, file meta information and main data set.
 *
 * @param file           where it was read from
 * @param syntax         the transfer syntax of the data set
 * @param meta           the file meta information (group 0002), empty when the file has none
 * @param dataset        the main data set (up to the pixel data when only the header was parsed)
 * @param hasPixelData   true when a pixel data element was seen (even if not parsed)
 * @param pixelsParsed   true when the pixel data element (if any) is in {@code dataset}
 * @param pixelDataEnd   when only the header was parsed: the file offset where native pixel data of defined length
 *                       ends according to its element header, else -1 (encapsulated, deflated or parsed)
 */
public record DicomFile(Path file, TransferSyntax syntax, DicomDataset meta, DicomDataset dataset,
                        boolean hasPixelData, boolean pixelsParsed, long pixelDataEnd) {
}
