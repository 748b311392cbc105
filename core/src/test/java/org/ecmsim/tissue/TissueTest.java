package org.ecmsim.tissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.junit.jupiter.api.Test;

/** Materials, layered skin and its rasterisation, and the refusal of bad properties. */
class TissueTest {

    @Test
    void facialSkinRasterisesByCellCentreDepth() {
        LayeredSkin skin = LayeredSkin.facialSkin();
        assertThat(skin.layerCount()).isEqualTo(4);
        assertThat(skin.depthOfTop(2)).isCloseTo(0.28e-3, within(1e-12));
        Grid3D grid = Grid3D.uniform(2, 2, 100, 20e-6); // 2 mm deep
        Tissue t = skin.toTissue(grid);
        // 80 µm epidermis: centres at 10, 30, 50, 70 µm → 4 planes; papillary to 280 µm: 10 planes.
        assertThat(t.materialMap().get(0, 0, 3)).isZero();
        assertThat(t.materialMap().get(0, 0, 4)).isEqualTo(1);
        assertThat(t.materialMap().get(0, 0, 13)).isEqualTo(1);
        assertThat(t.materialMap().get(0, 0, 14)).isEqualTo(2);
        assertThat(t.materialMap().count(0)).isEqualTo(4 * 4);
        assertThat(skin.layerAt(50e-3)).isEqualTo(3); // below the stack: deepest layer
    }

    @Test
    void perfusionConversionMatchesTheItisSkinValue() {
        // 106 ml/(min·kg) × 1109 kg/m³ = 1.96e-3 /s (literature table, IT'IS skin).
        assertThat(Materials.PAPILLARY_DERMIS.perfusionRate()).isCloseTo(1.96e-3, within(0.01e-3));
        assertThat(Materials.RETICULAR_DERMIS.thermalDiffusivity()).isCloseTo(1.0e-7, within(0.05e-7));
    }

    @Test
    void badPropertiesAreRefusedWithNameValueUnitAndRange() {
        Material ok = Materials.RETICULAR_DERMIS;
        assertThatThrownBy(() -> ok.withThermalConductivity(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thermal conductivity of material 'reticular dermis' = 0 W/(m·K)")
                .hasMessageContaining("> 0");
        assertThatThrownBy(() -> ok.withDensity(-1000)).hasMessageContaining("density").hasMessageContaining("kg/m³");
        assertThatThrownBy(() -> ok.withPerfusionRate(Double.NaN)).hasMessageContaining("perfusion rate")
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> ok.withSpecificHeat(Double.POSITIVE_INFINITY)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new SkinLayer(ok, 0.0, LayerRole.OTHER)).hasMessageContaining("thickness of layer");
        assertThatThrownBy(() -> new LayeredSkin(List.of())).hasMessageContaining("at least one layer");
    }

    @Test
    void paintingAddsAMaterialOnceAndChecksIndices() {
        Grid3D grid = Grid3D.uniform(4, 4, 4, 1e-4);
        Tissue t = LayeredSkin.facialSkin().toTissue(grid);
        CellMask needle = new CellMask(grid);
        needle.add(1, 1, 1);
        needle.add(1, 1, 2);
        Material steel = new Material("steel", 7900, 500, 16, 0, 0, 1.4e6, 0);
        Tissue painted = t.withMaterial(needle, steel).withMaterial(needle, steel);
        assertThat(painted.materialCount()).isEqualTo(5);
        assertThat(painted.materialAt(grid.index(1, 1, 2))).isEqualTo(steel);
        assertThat(painted.indexOf("steel")).isEqualTo(4);
        assertThatThrownBy(() -> new Tissue(painted.materialMap(), List.of(ok())))
                .hasMessageContaining("uses index 4");
    }

    private static Material ok() {
        return Materials.EPIDERMIS;
    }
}
