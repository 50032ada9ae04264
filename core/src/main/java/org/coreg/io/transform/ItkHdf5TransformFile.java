package org.coreg.io.transform;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.coreg.io.AtomicOutput;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.transform.Direction;
import org.coreg.transform.NonInvertibleTransformException;
import org.coreg.transform.SpatialTransform;
import org.coreg.transform.Transforms;

/**
 * ITK's HDF5 transform file ({@code .h5}, 3D Slicer's default), read with the pure-Java jhdf library. The layout is
 * ITK's (itkHDF5TransformIO): a group {@code /TransformGroup} with one group per transform named {@code 0},
 * {@code 1}, ..., each holding {@code TransformType} (a string, e.g. {@code AffineTransform_double_3_3}),
 * {@code TransformParameters} and {@code TransformFixedParameters} (double or float vectors; ITK 4.x files spell them
 * {@code TranformParameters} and {@code TranformFixedParameters}). A {@code CompositeTransform_double_3_3} is
 * followed by its members in ITK's queue order (the first listed is applied last), as in text files. LPS mm; the
 * transform maps fixed to moving (ITK's resampling direction, 3D Slicer's "from parent"). Written by Coreg's own
 * minimal HDF5 encoder ({@link Hdf5TransformEncoder}; ITK reads {@code TransformType} only as a variable-length
 * string, which jhdf cannot write); no provenance (text files carry it).
 */
public final class ItkHdf5TransformFile {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final String GROUP = "TransformGroup";

    private ItkHdf5TransformFile() {
    }

    /** True when the file starts with the HDF5 signature (a user block before it is not supported). */
    public static boolean isHdf5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the file name is one of an HDF5 transform: {@code .h5}, {@code .hdf5}. */
    public static boolean isHdf5Name(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5");
    }

    /** Reads the transform, or chain of transforms, of an ITK HDF5 transform file. */
    public static SpatialTransform read(Path file) throws TransformFileException {
        List<ItkTransformCodec.Entry> entries = new ArrayList<>();
        try (HdfFile hdf = new HdfFile(file)) {
            Node group = hdf.getChildren().get(GROUP);
            if (!(group instanceof Group g)) {
                throw new TransformFileException(file, 0, Problem.WRONG_FORMAT, "expected an ITK transform file "
                        + "(HDF5 group /" + GROUP + "), found an HDF5 file without it (groups: "
                        + hdf.getChildren().keySet() + ")");
            }
            List<String> names = new ArrayList<>(g.getChildren().keySet());
            for (String n : names) {
                if (!n.matches("\\d{1,6}")) {
                    throw new TransformFileException(file, 0, Problem.BAD_FIELD, "group /" + GROUP + "/" + n
                            + ": expected transforms numbered 0, 1, ...");
                }
            }
            names.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
            for (String n : names) {
                if (!(g.getChild(n) instanceof Group t)) {
                    throw new TransformFileException(file, 0, Problem.BAD_FIELD, "/" + GROUP + "/" + n
                            + ": expected a group holding one transform, found a dataset");
                }
                String type = string(t, "TransformType", file);
                if (ItkTransformCodec.baseName(type).equals("CompositeTransform")) {
                    continue;
                }
                entries.add(new ItkTransformCodec.Entry(type,
                        vector(t, file, "TransformParameters", "TranformParameters"),
                        vector(t, file, "TransformFixedParameters", "TranformFixedParameters"), 0));
            }
        } catch (HdfException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | java.nio.BufferUnderflowException | UnsupportedOperationException | ClassCastException e) {
            // jhdf reports a truncated or damaged file with one of these; the user gets one plain line.
            throw new TransformFileException(file, 0, Problem.BAD_FIELD, "HDF5 transform file could not be read ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return ItkTransformFile.assemble(entries, Direction.FIXED_TO_MOVING, file);
    }

    /** Writes {@code t} atomically in ITK's HDF5 layout ({@link Hdf5TransformEncoder}); fixed to moving. */
    public static void write(SpatialTransform t, Path file) throws IOException {
        SpatialTransform f2m = fixedToMoving(t, file);
        byte[] bytes = Hdf5TransformEncoder.encode(ItkTransformFile.entries(f2m, file));
        try (AtomicOutput out = new AtomicOutput()) {
            try (OutputStream os = out.open(file)) {
                os.write(bytes);
            }
            out.commit();
        }
    }

    /**
     * An HDF5 file cannot carry Coreg's direction comment, and ITK files map fixed to moving: a linear moving-to-fixed
     * transform is written as its exact inverse; a nonlinear one is refused.
     */
    private static SpatialTransform fixedToMoving(SpatialTransform t, Path file) throws TransformFileException {
        if (t.direction() == Direction.FIXED_TO_MOVING) {
            return t;
        }
        if (t.isLinear()) {
            try {
                return Transforms.inverse(Transforms.compose(t));
            } catch (NonInvertibleTransformException e) {
                throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "an ITK file maps fixed to moving, "
                        + "and this moving-to-fixed matrix is singular, so it cannot be turned around");
            }
        }
        throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "an ITK HDF5 file maps fixed to moving and "
                + "cannot say otherwise; " + t.describe() + " maps moving to fixed: write it as .tfm (Coreg notes its "
                + "direction there) or invert it first");
    }

    private static String string(Group t, String name, Path file) throws TransformFileException {
        if (!(t.getChild(name) instanceof Dataset d)) {
            throw new TransformFileException(file, 0, Problem.BAD_FIELD, t.getPath() + name + ": expected the "
                    + "transform's class name, found none");
        }
        Object data = d.getData();
        if (data instanceof String s) {
            return s.strip();
        }
        if (data != null && data.getClass().isArray() && Array.getLength(data) == 1
                && Array.get(data, 0) instanceof String s) {
            return s.strip();
        }
        throw new TransformFileException(file, 0, Problem.BAD_FIELD, t.getPath() + name + ": expected one string, "
                + "found " + d.getJavaType().getSimpleName() + " " + Arrays.toString(d.getDimensions()));
    }

    /** A double or float vector under the first of {@code names} present, or an empty one (e.g. for Identity). */
    private static double[] vector(Group t, Path file, String... names) throws TransformFileException {
        for (String name : names) {
            if (t.getChild(name) instanceof Dataset d) {
                if (d.isEmpty()) {
                    return new double[0];
                }
                Object flat = d.getDataFlat();
                if (flat instanceof double[] v) {
                    return v;
                }
                if (flat instanceof float[] v) {
                    double[] out = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        out[i] = v[i];
                    }
                    return out;
                }
                throw new TransformFileException(file, 0, Problem.BAD_FIELD, t.getPath() + name + ": expected "
                        + "double or float values, found " + d.getJavaType().getSimpleName());
            }
        }
        return new double[0];
    }
}
