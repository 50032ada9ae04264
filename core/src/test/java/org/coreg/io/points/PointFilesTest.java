package org.coreg.io.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.coreg.image.ImageGeometry;
import org.coreg.points.PlanningPoint;
import org.coreg.points.PointList;
import org.coreg.points.Space;
import org.coreg.testing.TestVolumes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointFilesTest {
    @TempDir
    Path dir;

    static final PointList POINTS = PointList.of("plan", Space.FIXED, List.of(
            new PlanningPoint("target", new double[] {-12.345678901, 45.5, 7.25e-3}, "tumour, centre", true),
            new PlanningPoint("entry \"A\"", new double[] {100, -200.125, 33.3}, "", false),
            PlanningPoint.of("F-3", 0.1, 0.2, 0.3)));

    @Test
    void everyFormatRoundTripsPositionsExactly() throws Exception {
        for (String name : new String[] {"p.mrk.json", "p.fcsv", "p.csv", "p.txt"}) {
            Path f = dir.resolve(name);
            PointFiles.write(POINTS, f);
            PointList back = PointFiles.read(f, null);
            assertThat(back.size()).as(name).isEqualTo(3);
            for (int i = 0; i < 3; i++) {
                assertThat(back.get(i).lps()).as(name).containsExactly(POINTS.get(i).lps());
                if (!name.endsWith(".txt")) {
                    assertThat(back.get(i).label()).as(name).isEqualTo(POINTS.get(i).label());
                    assertThat(back.get(i).description()).as(name).isEqualTo(POINTS.get(i).description());
                    assertThat(back.get(i).locked()).as(name).isEqualTo(POINTS.get(i).locked());
                }
            }
        }
    }

    @Test
    void rasFilesAreConvertedToLps() throws Exception {
        Path fcsv = dir.resolve("ras.fcsv");
        Files.writeString(fcsv, "# Markups fiducial file version = 4.11\n# CoordinateSystem = RAS\n"
                + "# columns = id,x,y,z,ow,ox,oy,oz,vis,sel,lock,label,desc,associatedNodeID\n"
                + "vtkMRMLMarkupsFiducialNode_0,10,20,30,0,0,0,1,1,1,0,F-1,,\n");
        assertThat(PointFiles.read(fcsv, null).get(0).lps()).containsExactly(-10, -20, 30);
        Path old = dir.resolve("old.fcsv");
        Files.writeString(old, "# CoordinateSystem = 1\nvtkMRMLMarkupsFiducialNode_0,10,20,30,0,0,0,1,1,1,0,F-1,,\n");
        assertThat(PointFiles.read(old, null).get(0).lps()).containsExactly(10, 20, 30);
        Path json = dir.resolve("ras.mrk.json");
        Files.writeString(json, """
                {"markups": [{"type": "Fiducial", "coordinateSystem": "RAS",
                  "controlPoints": [{"label": "a", "position": [1.5, -2, 3]}]}]}
                """);
        assertThat(PointFiles.read(json, null).get(0).lps()).containsExactly(-1.5, 2, 3);
        Path csv = dir.resolve("ras.csv");
        Files.writeString(csv, "label,x_ras_mm,y_ras_mm,z_ras_mm\nq,1,2,3\n");
        assertThat(PointFiles.read(csv, null).get(0).lps()).containsExactly(-1, -2, 3);
        // Coreg's own files say LPS.
        PointFiles.write(POINTS, dir.resolve("w.mrk.json"));
        assertThat(Files.readString(dir.resolve("w.mrk.json"))).contains("\"coordinateSystem\": \"LPS\"");
        PointFiles.write(POINTS, dir.resolve("w.fcsv"));
        assertThat(Files.readString(dir.resolve("w.fcsv"))).contains("# CoordinateSystem = RAS")
                .contains(",12.345678901,-45.5,");
    }

    @Test
    void elastixIndexFormUsesTheFixedGrid() throws Exception {
        ImageGeometry g = ImageGeometry.of(new int[] {10, 10, 10}, new double[] {0.5, 0.7, 2}, new double[] {1, 2, 3},
                TestVolumes.rotation(0.1, 0.2, 0.3));
        Path f = dir.resolve("idx.txt");
        ElastixPointFile.writeIndices(POINTS, g, f);
        assertThat(Files.readAllLines(f).getFirst()).isEqualTo("index");
        PointList back = PointFiles.read(f, g);
        for (int i = 0; i < 3; i++) {
            for (int d = 0; d < 3; d++) {
                assertThat(back.get(i).lps()[d]).isCloseTo(POINTS.get(i).lps()[d],
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        assertThatThrownBy(() -> PointFiles.read(f, null)).isInstanceOf(PointFileException.class)
                .hasMessageContaining("fixed image grid");
    }

    @Test
    void unknownCoordinateSystemsAndMalformedFilesAreNamed() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "label,x,y,z\na,1,2,3\n");
        assertThatThrownBy(() -> PointFiles.read(csv, null)).isInstanceOf(PointFileException.class)
                .hasMessageContaining(csv.toString()).hasMessageContaining("line 1")
                .hasMessageContaining("unknown coordinate system");
        Files.writeString(csv, CsvPointFile.HEADER + "\na,1,two,3\n");
        assertThatThrownBy(() -> PointFiles.read(csv, null)).hasMessageContaining("line 2")
                .hasMessageContaining("'two'");
        Path json = dir.resolve("bad.mrk.json");
        Files.writeString(json, "{\"markups\": [{\n\"coordinateSystem\": \"IJK\", \"controlPoints\": []}]}");
        assertThatThrownBy(() -> PointFiles.read(json, null)).hasMessageContaining("coordinateSystem")
                .hasMessageContaining("line 2").hasMessageContaining("\"IJK\"");
        Files.writeString(json, "{\"markups\": [\n{\"controlPoints\": [{\"position\": [1, 2]}]}]}");
        assertThatThrownBy(() -> PointFiles.read(json, null)).hasMessageContaining("position")
                .hasMessageContaining("line 2");
        Files.writeString(json, "{\"markups\": [\n{\"controlPoints\": [\n}");
        assertThatThrownBy(() -> PointFiles.read(json, null)).isInstanceOf(PointFileException.class)
                .hasMessageContaining("line 3");
        Path fcsv = dir.resolve("bad.fcsv");
        Files.writeString(fcsv, "# CoordinateSystem = XYZ\n");
        assertThatThrownBy(() -> PointFiles.read(fcsv, null)).hasMessageContaining("CoordinateSystem")
                .hasMessageContaining("line 1");
        Path txt = dir.resolve("bad.txt");
        Files.writeString(txt, "point\n3\n1 2 3\n");
        assertThatThrownBy(() -> PointFiles.read(txt, null)).hasMessageContaining("3 points as stated")
                .hasMessageContaining("1 points");
        assertThatThrownBy(() -> PointFiles.read(dir.resolve("p.xyz"), null)).hasMessageContaining("extension");
    }

    @Test
    void transformixOutputIsReadAsItsOutputPoints() throws Exception {
        Path f = dir.resolve("outputpoints.txt");
        Files.writeString(f, "Point\t0\t; InputIndex = [ 1 2 3 ]\t; InputPoint = [ 1.000000 2.000000 3.000000 ]\t; "
                + "OutputIndexFixed = [ 1 2 3 ]\t; OutputPoint = [ 1.500000 -2.250000 3.125000 ]\t; "
                + "Deformation = [ 0.5 -4.25 0.125 ]\n");
        assertThat(PointFiles.read(f, null).get(0).lps()).containsExactly(1.5, -2.25, 3.125);
    }
}
