package org.coreg.io.transform;

import java.nio.file.Path;
import java.util.Locale;
import org.coreg.image.VoxelType;
import org.coreg.io.ImageIOException;
import org.coreg.io.ImageIOException.Problem;
import org.coreg.io.VectorVolume;
import org.coreg.io.metaimage.MetaImageVectorImages;
import org.coreg.io.nifti.NiftiVectorImages;
import org.coreg.io.nrrd.NrrdVectorImages;
import org.coreg.transform.DisplacementFieldTransform;
import org.coreg.transform.Direction;

/**
 * Displacement fields as vector images, the way ITK, ANTs and transformix ({@code -def all}) write them: one
 * displacement vector per voxel, in LPS mm, on the field's grid (full geometry), with {@code T(x) = x + u(x)}
 * mapping fixed to moving. Vector NIfTI ({@code .nii}, {@code .nii.gz}: intent_code 1007, dim[5] = 3) and
 * MetaImage ({@code .mha}, {@code .mhd}: ElementNumberOfChannels = 3), float32 or float64. A field Coreg writes
 * names its direction in the file's description (NIfTI descrip, MetaImage Comment: {@code Coreg displacement
 * field moving->fixed}); a field without one is fixed to moving, as ITK's are. NRRD fields ({@code .nrrd},
 * {@code .nhdr}, 3D Slicer's grid transforms) are read (vector axis first or last; components as stored, LPS), not
 * written.
 */
public final class DisplacementFieldFiles {
    private static final String MARK = "Coreg displacement field ";

    private DisplacementFieldFiles() {
    }

    /** True when the file name is one of a field: .nii, .nii.gz, .mha, .mhd. */
    public static boolean isFieldName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".nii") || n.endsWith(".nii.gz") || n.endsWith(".mha") || n.endsWith(".mhd");
    }

    /** True when the content is a NIfTI, NRRD or MetaImage file (by its first bytes, whatever the name). */
    public static boolean looksLikeField(Path file) {
        return NiftiVectorImages.isNifti(file) || NrrdVectorImages.isNrrd(file)
                || MetaImageVectorImages.isMetaImage(file);
    }

    /** True when the file is a three-component vector NIfTI, NRRD or MetaImage (by its header), i.e. a field. */
    public static boolean isField(Path file) {
        if (NiftiVectorImages.isNifti(file)) {
            return NiftiVectorImages.isVectorImage(file);
        }
        return NrrdVectorImages.isNrrd(file) ? NrrdVectorImages.isVectorImage(file)
                : MetaImageVectorImages.isVectorImage(file);
    }

    /**
     * Reads a displacement field.
     *
     * @throws TransformFileException naming the file and the field when it is not a 3-component float field
     */
    public static DisplacementFieldTransform read(Path file) throws TransformFileException {
        VectorVolume v;
        try {
            v = NiftiVectorImages.isNifti(file) ? NiftiVectorImages.read(file)
                    : NrrdVectorImages.isNrrd(file) ? NrrdVectorImages.read(file) : MetaImageVectorImages.read(file);
        } catch (TransformFileException e) {
            throw e;
        } catch (ImageIOException e) {
            throw new TransformFileException(file, 0, e.problem(), "displacement field: " + detail(e, file));
        }
        Direction d = Direction.FIXED_TO_MOVING;
        String desc = v.description().strip();
        if (desc.startsWith(MARK)) {
            Direction parsed = Direction.parse(desc.substring(MARK.length()).strip());
            d = parsed != null ? parsed : d;
        }
        return new DisplacementFieldTransform(v.grid(), v.components(), d);
    }

    /** Writes a field as float64 (lossless), in the format the file name asks for. */
    public static void write(DisplacementFieldTransform field, Path file) throws TransformFileException {
        write(field, file, VoxelType.FLOAT64);
    }

    /** Writes a field with float32 or float64 components, NIfTI or MetaImage as the name asks; atomic. */
    public static void write(DisplacementFieldTransform field, Path file, VoxelType storedType)
            throws TransformFileException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        VectorVolume v = new VectorVolume(field.grid(), storedType, field.displacements(),
                MARK + field.direction().label());
        try {
            if (n.endsWith(".nii") || n.endsWith(".nii.gz")) {
                NiftiVectorImages.write(v, file);
            } else if (n.endsWith(".mha") || n.endsWith(".mhd")) {
                MetaImageVectorImages.write(v, file);
            } else {
                throw new TransformFileException(file, 0, Problem.UNSUPPORTED, "field (file name): expected a "
                        + "displacement field name ending .nii, .nii.gz, .mha or .mhd, found '" + file.getFileName()
                        + "'");
            }
        } catch (TransformFileException e) {
            throw e;
        } catch (ImageIOException e) {
            throw new TransformFileException(file, 0, e.problem(), "displacement field: " + detail(e, file));
        }
    }

    /** The message of {@code e} without its leading file name (ours adds it again). */
    private static String detail(ImageIOException e, Path file) {
        String m = e.getMessage();
        String prefix = file + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
