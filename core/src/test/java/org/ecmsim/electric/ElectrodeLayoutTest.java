package org.ecmsim.electric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ecmsim.grid.Grid3D;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * The sub-voxel needle surface of {@link ElectrodeLayout#surfaceDistance}: the distances are those of the true
 * cylinder and needle point, worked out by hand for a 0.2 mm needle on 50 µm cells.
 */
class ElectrodeLayoutTest {

    private static final double H = Units.um(50);

    /** One 0.2 mm needle, 1.5 mm deep (all exposed), on the axis x = y = 0.5 mm of a 1 mm × 1 mm × 2 mm box. */
    private static ElectrodeLayout layout() {
        Grid3D g = Grid3D.uniform(20, 20, 40, H);
        ElectrodeArray one = ElectrodeArray.of(Needle.insulatedMillimetres(0.2, 1.5, 1.5),
                java.util.List.of(new ElectrodeArray.Electrode(0, 0, 1)), true);
        return ElectrodeLayout.centred(g, one);
    }

    @Test
    void lateralFacesMeetTheTrueCylinder() {
        ElectrodeLayout l = layout();
        Grid3D g = l.grid();
        // Cell centres 0.025, 0.075, 0.125 mm from the axis: i = 10 is the first column right of the axis.
        // Straight out along x at y offset 0.025 mm: metal centre at x offset 0.075, tissue at 0.125; the cylinder
        // meets y = 0.025 mm at x = sqrt(0.1² − 0.025²) = 0.096825 mm, 28.2 µm from the tissue centre.
        int tissue = g.index(12, 10, 5);
        int metal = g.index(11, 10, 5);
        assertThat(l.isMetal(metal)).isTrue();
        assertThat(l.isMetal(tissue)).isFalse();
        assertThat(l.surfaceDistance(tissue, metal, 0))
                .isCloseTo(Units.mm(0.125) - Math.sqrt(Units.mm(0.1) * Units.mm(0.1) - Units.mm(0.025) * Units.mm(0.025)),
                        within(1e-12));
        // The notch of the staircase: tissue at offsets (0.075, 0.075) mm (r = 0.106 mm > 0.1 mm), metal at
        // (0.025, 0.075): the cylinder crosses y = 0.075 mm at x = sqrt(0.1² − 0.075²) = 0.066144 mm, 8.86 µm away,
        // much closer than the half cell of 25 µm that a staircase face assumes.
        int notch = g.index(11, 11, 5);
        int metalLeft = g.index(10, 11, 5);
        assertThat(l.isMetal(notch)).isFalse();
        assertThat(l.isMetal(metalLeft)).isTrue();
        assertThat(l.surfaceDistance(notch, metalLeft, 0)).isCloseTo(
                Units.mm(0.075) - Math.sqrt(Units.mm(0.1) * Units.mm(0.1) - Units.mm(0.075) * Units.mm(0.075)),
                within(1e-12));
    }

    @Test
    void theNeedlePointAndCustomElectrodes() {
        ElectrodeLayout l = layout();
        Grid3D g = l.grid();
        // The needle's last plane is k = 29 (centre 1.475 mm); the tissue below has its centre 25 µm under the point.
        assertThat(l.surfaceDistance(g.index(10, 10, 30), g.index(10, 10, 29), 2)).isCloseTo(0.5 * H, within(1e-12));
        // Custom electrodes have no cylinder: the staircase half cell.
        int[] e = new int[g.cellCount()];
        java.util.Arrays.fill(e, ElectrodeLayout.NONE);
        e[g.index(3, 3, 3)] = 0;
        ElectrodeLayout plate = ElectrodeLayout.custom(g, e, ElectrodeArray.of(Needle.insulatedMillimetres(0.2, 1.5,
                1.5), java.util.List.of(new ElectrodeArray.Electrode(0, 0, 1)), true));
        assertThat(plate.surfaceDistance(g.index(4, 3, 3), g.index(3, 3, 3), 0)).isEqualTo(0.5 * H);
    }

    @Test
    void theShaftAndTheCrossSection() {
        // An insulated needle: the shaft's faces meet the same cylinder as the tip's (the thermal side uses them).
        Grid3D g = Grid3D.uniform(20, 20, 40, H);
        ElectrodeArray one = ElectrodeArray.of(Needle.insulatedMillimetres(0.2, 1.5, 0.5),
                java.util.List.of(new ElectrodeArray.Electrode(0, 0, 1)), true);
        ElectrodeLayout l = ElectrodeLayout.centred(g, one);
        int tissue = g.index(11, 11, 5);
        int shaft = g.index(10, 11, 5);
        assertThat(l.isShaft(shaft)).isTrue();
        assertThat(l.surfaceDistance(tissue, shaft, 0)).isCloseTo(
                Units.mm(0.075) - Math.sqrt(Units.mm(0.1) * Units.mm(0.1) - Units.mm(0.075) * Units.mm(0.075)),
                within(1e-12));
        // 12 cells of 50 µm (0.0300 mm²) and 52 of 25 µm (0.0325 mm²) against π·0.1² mm².
        assertThat(l.crossSectionRatio(0)).isCloseTo(Math.PI * 0.01 / 0.03, within(1e-12));
        ElectrodeLayout fine = ElectrodeLayout.centred(Grid3D.uniform(40, 40, 80, H / 2), one);
        assertThat(fine.crossSectionRatio(0)).isCloseTo(Math.PI * 0.01 / 0.0325, within(1e-12));
        // The painted metal carries the ratio in its density and conductivity; its cells are the metal cells.
        org.ecmsim.tissue.Tissue painted = l.paintTrueCrossSection(org.ecmsim.tissue.LayeredSkin.facialSkin()
                .toTissue(g));
        org.ecmsim.tissue.Material metal = painted.materialAt(shaft);
        assertThat(metal.thermalConductivity()).isCloseTo(16.2 * Math.PI / 3, within(1e-12));
        assertThat(metal.density()).isCloseTo(7900 * Math.PI / 3, within(1e-9));
        assertThat(painted.materialAt(tissue).name()).isEqualTo(l.paint(org.ecmsim.tissue.LayeredSkin.facialSkin()
                .toTissue(g)).materialAt(tissue).name());
    }
}
