package org.coreg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.coreg.image.Volume;
import org.coreg.image.VoxelReadListener;

/**
 * The image formats Coreg knows, and the choice among them: a file is read by the format its content identifies
 * (magic bytes), else by its name; a file is written in the format its name asks for.
 */
public final class ImageFormats {
    private final List<ImageFormat> formats;

    public ImageFormats(List<ImageFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    /** NIfTI-1/2, NRRD, MetaImage and DICOM (read only: a file or a folder with one series). */
    public static ImageFormats standard() {
        return new ImageFormats(List.of(
                new org.coreg.io.nifti.NiftiFormat(),
                new org.coreg.io.nrrd.NrrdFormat(),
                new org.coreg.io.metaimage.MetaImageFormat(),
                new org.coreg.io.dicom.DicomFormat()
        ));
    }

    public List<ImageFormat> formats() {
        return formats;
    }

    /** Reads {@code file} with the format detected from its content, else from its name. */
    public Volume read(Path file) throws ImageIOException {
        return detect(file).reader().read(file);
    }

    /** As {@link #read(Path)}, telling {@code listener} how far the voxels have arrived (where the format can). */
    public Volume read(Path file, VoxelReadListener listener) throws ImageIOException {
        return detect(file).reader().read(file, listener);
    }

    /** Writes {@code volume} to {@code file} in the format its name asks for, atomically. */
    public void write(Volume volume, Path file) throws ImageIOException {
        forName(file).writer().write(volume, file);
    }

    /** The format whose extension {@code file} has. */
    public ImageFormat forName(Path file) throws ImageIOException {
        return formats.stream().filter(f -> f.matchesName(file)).findFirst()
                .orElseThrow(() -> new ImageIOException(file, ImageIOException.Problem.UNSUPPORTED,
                        "unknown image file extension; expected one of " + allExtensions()));
    }

    /**
     * The format that recognises the file's first bytes, else the one its extension names; for a folder, the first
     * format that reads folders.
     */
    public ImageFormat detect(Path file) throws ImageIOException {
        if (Files.isDirectory(file)) {
            return formats.stream().filter(ImageFormat::readsFolders).findFirst()
                    .orElseThrow(() -> new ImageIOException(file, ImageIOException.Problem.UNSUPPORTED,
                            "is a folder; no image format reads folders"));
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A pipe or a device (/dev/zero) would block or never end; images are files or DICOM folders.
            throw new ImageIOException(file, ImageIOException.Problem.WRONG_FORMAT,
                    "expected an image file or a DICOM folder, found a device, pipe or socket");
        }
        byte[] head = head(file);
        for (ImageFormat f : formats) {
            if (f.matchesContent(head)) {
                return f;
            }
        }
        return forName(file);
    }

    private List<String> allExtensions() {
        return formats.stream().flatMap(f -> f.extensions().stream()).toList();
    }

    /** Up to 1 KiB from the start of the file, decompressed if it is gzip. */
    static byte[] head(Path file) throws ImageIOException {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] start = raw.readNBytes(2);
            boolean gzip = start.length == 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b;
            if (!gzip) {
                byte[] rest = raw.readNBytes(1022);
                byte[] all = new byte[start.length + rest.length];
                System.arraycopy(start, 0, all, 0, start.length);
                System.arraycopy(rest, 0, all, start.length, rest.length);
                return all;
            }
        } catch (NoSuchFileException e) {
            throw new ImageIOException(file, ImageIOException.Problem.MISSING_FILE, "file does not exist", e);
        } catch (IOException e) {
            throw new ImageIOException(file, ImageIOException.Problem.IO_FAILURE,
                    "cannot read (" + e.getMessage() + ")", e);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readNBytes(1024);
        } catch (IOException e) {
            // A corrupt stream is reported by the reader itself with the field it was reading.
            return new byte[0];
        }
    }

    /** Lower-case file name, for extension checks. */
    static String lowerName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
