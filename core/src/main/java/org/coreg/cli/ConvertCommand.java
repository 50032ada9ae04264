package org.coreg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import org.coreg.io.transform.DisplacementFieldFiles;
import org.coreg.io.transform.TransformFileException;
import org.coreg.io.transform.TransformFiles;
import org.coreg.io.transform.TransformFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code coreg convert IN OUT}: rewrite an image in another format, geometry and voxel type preserved; or, when IN
 * is a transform file (detected by content), rewrite the transform as {@code convert-transform} does.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert an image between formats (chosen by the output's extension); geometry is preserved.",
            "A transform file (ITK, elastix, 4x4 matrix or displacement field, detected by content) is converted "
                + "as by convert-transform."})
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Input image, a folder holding one DICOM series, or a "
            + "transform file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output image or transform; its extension chooses the"
            + " format.")
    Path out;

    @Option(names = "--format", paramLabel = "FMT", description = "Transforms only: itk, elastix, matrix-lps, "
            + "matrix-ras or field (default from the output name).")
    String format;

    @Option(names = "--reference", paramLabel = "F", description = "Transforms only: fixed image grid, for elastix "
            + "or displacement-field output.")
    Path reference;

    @picocli.CommandLine.Mixin
    DicomOptions dicom = new DicomOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        org.coreg.io.OutputCheck.writable(out); // before any work: the file and the reason, at once
        if (isTransform(in)) {
            ConvertTransformCommand.convert(in, out, format, reference, spec.commandLine().getOut());
            return 0;
        }
        if (format != null || reference != null) {
            throw new IllegalArgumentException(in + ": --format and --reference apply to transform files; this is an "
                    + "image (its output format comes from the extension of " + out.getFileName() + ")");
        }
        ImageFormats formats = dicom.formats();
        Volume v = formats.read(in);
        formats.write(v, out);
        spec.commandLine().getOut().println("wrote " + out + " (" + formats.forName(out).name() + ", "
                + v.type().label() + ")");
        return 0;
    }

    /** A transform file: ITK, elastix or matrix text, or a vector image (a field); scalar images are images. */
    static boolean isTransform(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            TransformFormat f = TransformFiles.detect(file);
            return f != TransformFormat.DISPLACEMENT_FIELD || DisplacementFieldFiles.isField(file);
        } catch (TransformFileException e) {
            return false;
        }
    }
}
