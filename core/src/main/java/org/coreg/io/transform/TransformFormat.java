package org.coreg.io.transform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The transform file formats Coreg reads and writes. */
public enum TransformFormat {
    /** ITK Insight Transform File, text ({@code .tfm}, {@code .txt}); LPS mm, fixed to moving by convention. */
    ITK,
    /** elastix TransformParameters file ({@code TransformParameters.0.txt}); LPS mm, fixed to moving. */
    ELASTIX,
    /** A 4x4 homogeneous matrix as text, LPS mm, with a header naming the system and direction. */
    MATRIX_LPS,
    /** A 4x4 homogeneous matrix as text, RAS mm, with a header naming the system and direction. */
    MATRIX_RAS,
    /** A displacement field as vector NIfTI or MetaImage ({@code .nii(.gz)}, {@code .mha}, {@code .mhd}); LPS mm. */
    DISPLACEMENT_FIELD,
    /** ITK's HDF5 transform file ({@code .h5}, {@code .hdf5}; 3D Slicer's default); LPS mm, fixed to moving. */
    ITK_HDF5;

    /** The file name endings a transform may be written under, for messages. */
    public static final String NAMES = ".tfm or .txt (ITK text), .h5 or .hdf5 (ITK HDF5), TransformParameters*.txt "
            + "(elastix), .mat4 or *matrix*.txt (4x4 matrix), .nii, .nii.gz, .mha, .mhd (displacement field)";

    /** The format named on a command line: itk, elastix, matrix-lps, matrix-ras; or null. */
    public static TransformFormat parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "itk", "tfm" -> ITK;
            case "elastix" -> ELASTIX;
            case "matrix-lps", "matrix" -> MATRIX_LPS;
            case "matrix-ras" -> MATRIX_RAS;
            case "field", "displacement-field" -> DISPLACEMENT_FIELD;
            case "h5", "itk-h5", "hdf5" -> ITK_HDF5;
            default -> null;
        };
    }

    /**
     * The format a file name asks for: {@code TransformParameters*.txt} is elastix, {@code .mat4} or
     * {@code *matrix*.txt} a matrix (RAS when the name says {@code ras}), other {@code .tfm} and {@code .txt} ITK text,
     * {@code .nii(.gz)}, {@code .mha}, {@code .mhd} a displacement field, {@code .h5} / {@code .hdf5} ITK HDF5.
     *
     * @throws IllegalArgumentException for any other name: the extension decides the format, and a transform is
     *                                  never written under another format's name
     */
    public static TransformFormat forName(Path file) {
        return ofName(file).orElseThrow(() -> new IllegalArgumentException(file + ": a transform file name must end "
                + NAMES + ", found '" + file.getFileName() + "'"));
    }

    /** The format a file name asks for ({@link #forName}), or empty when the name asks for none. */
    public static Optional<TransformFormat> ofName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (DisplacementFieldFiles.isFieldName(file)) {
            return Optional.of(DISPLACEMENT_FIELD);
        }
        if (ItkHdf5TransformFile.isHdf5Name(file)) {
            return Optional.of(ITK_HDF5);
        }
        if (n.endsWith(".mat4") || n.endsWith(".txt") && n.contains("matrix")) {
            return Optional.of(n.contains("ras") ? MATRIX_RAS : MATRIX_LPS);
        }
        if (n.endsWith(".txt") && n.startsWith("transformparameters")) {
            return Optional.of(ELASTIX);
        }
        if (n.endsWith(".tfm") || n.endsWith(".txt")) {
            return Optional.of(ITK);
        }
        return Optional.empty();
    }

    /**
     * True when a file of this format may carry {@code file}'s name: the name's extension is one this format is
     * written under ({@code .txt} is shared by ITK, elastix and matrices, {@code .mat4} by both matrices).
     */
    public boolean allowsName(Path file) {
        Optional<TransformFormat> named = ofName(file);
        if (named.isEmpty()) {
            return false;
        }
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return switch (this) {
            case ITK, ELASTIX -> n.endsWith(".txt") || named.get() == this;
            case MATRIX_LPS, MATRIX_RAS -> n.endsWith(".txt") || n.endsWith(".mat4");
            case DISPLACEMENT_FIELD, ITK_HDF5 -> named.get() == this;
        };
    }
}
