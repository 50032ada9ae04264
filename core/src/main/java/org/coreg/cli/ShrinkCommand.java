package org.coreg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coreg.image.BlockAverager;
import org.coreg.image.Volume;
import org.coreg.io.ImageFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coreg shrink IN OUT --factors 2,2,1}: block-average a volume onto a coarser grid with exact geometry. */
@Command(name = "shrink", mixinStandardHelpOptions = true,
        description = "Block-average a volume by whole factors per axis; the world position of every block is kept.")
final class ShrinkCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "Input image.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output image; its extension chooses the format.")
    Path out;

    @Option(names = "--factors", split = ",", required = true, paramLabel = "FI,FJ,FK",
            description = "Block size along the i, j and k voxel axes, e.g. 2,2,1.")
    int[] factors;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (factors.length != 3) {
            throw new IllegalArgumentException("--factors needs three whole numbers (i,j,k), found " + factors.length);
        }
        org.coreg.io.OutputCheck.writable(out); // before any work: the file and the reason, at once
        ImageFormats formats = ImageFormats.standard();
        Volume v = BlockAverager.shrink(formats.read(in), factors);
        formats.write(v, out);
        int[] n = v.geometry().size();
        spec.commandLine().getOut().println("wrote " + out + " (" + n[0] + " x " + n[1] + " x " + n[2] + ")");
        return 0;
    }
}
