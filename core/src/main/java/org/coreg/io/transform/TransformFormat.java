package org.coreg.io.transform;

import java.nio.file.Path;
import java.util.Locale;

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
    DISPLACEMENT_FIELD;

    /** The format named on a command line: itk, elastix, matrix-lps, matrix-ras; or null. */
    public static TransformFormat parse(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "itk", "tfm" -> ITK;
            case "elastix" -> ELASTIX;
            case "matrix-lps", "matrix" -> MATRIX_LPS;
            case "matrix-ras" -> MATRIX_RAS;
            case "field", "displacement-field" -> DISPLACEMENT_FIELD;
            default -> null;
        };
    }

    /**
     * The format a file name asks for: {@code .tfm} is ITK, {@code TransformParameters*.txt} is elastix,
     * {@code .mat4} or {@code *matrix*.txt} is a LPS matrix, {@code .nii(.gz)}, {@code .mha}, {@code .mhd} a
     * displacement field, other {@code .txt} is ITK.
     */
    public static TransformFormat forName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (DisplacementFieldFiles.isFieldName(file)) {
            return DISPLACEMENT_FIELD;
        }
        if (n.startsWith("transformparameters")) {
            return ELASTIX;
        }
        if (n.endsWith(".mat4") || n.contains("matrix")) {
            return n.contains("ras") ? MATRIX_RAS : MATRIX_LPS;
        }
        return ITK;
    }
}
