package org.coreg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code coreg convert IN OUT}: rewrite an image in another format, geometry and voxel type preserved. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert an image between formats (chosen by the output's extension); geometry is preserved.")
final class ConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Input image, or a folder holding one DICOM series.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output image; its extension chooses the format.")
    Path out;

    @picocli.CommandLine.Mixin
    DicomOptions dicom = new DicomOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImageFormats formats = dicom.formats();
        Volume v = formats.read(in);
        formats.write(v, out);
        spec.commandLine().getOut().println("wrote " + out + " (" + formats.forName(out).name() + ", "
                + v.type().label() + ")");
        return 0;
    }
}
