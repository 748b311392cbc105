package org.ecmsim.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Grid geometry, index layout, and the refusal of bad sizes and spacings. */
class GridTest {

    @Test
    void indexIsXFastest() {
        Grid3D g = new Grid3D(4, 3, 2, 1e-5, 2e-5, 3e-5);
        assertThat(g.index(1, 0, 0)).isEqualTo(1);
        assertThat(g.index(0, 1, 0)).isEqualTo(4);
        assertThat(g.index(0, 0, 1)).isEqualTo(12);
        assertThat(g.index(3, 2, 1)).isEqualTo(g.cellCount() - 1);
        int n = g.index(3, 1, 1);
        assertThat(new int[] {g.i(n), g.j(n), g.k(n)}).containsExactly(3, 1, 1);
        assertThat(g.z(0)).isEqualTo(1.5e-5);
        assertThat(g.cellVolume()).isEqualTo(1e-5 * 2e-5 * 3e-5);
        assertThatThrownBy(() -> g.index(4, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(4, 0, 0)");
    }

    @Test
    void badSizesAndSpacingsAreRefusedWithNameValueAndRange() {
        assertThatThrownBy(() -> Grid3D.uniform(0, 4, 4, 1e-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nx = 0").hasMessageContaining("≥ 1");
        assertThatThrownBy(() -> new Grid3D(4, 4, 4, 1e-5, 0.0, 1e-5))
                .hasMessageContaining("dy = 0 m").hasMessageContaining("> 0");
        assertThatThrownBy(() -> new Grid3D(4, 4, 4, -1e-5, 1e-5, 1e-5)).hasMessageContaining("dx = -1.00000e-05 m");
        assertThatThrownBy(() -> new Grid3D(4, 4, 4, 1e-5, 1e-5, Double.NaN)).hasMessageContaining("dz = NaN m");
        assertThatThrownBy(() -> Grid3D.uniform(2000, 2000, 2000, 1e-5)).hasMessageContaining("cells");
    }

    @Test
    void fieldsAndMapsShareTheLayout() {
        Grid3D g = Grid3D.uniform(3, 3, 3, 1e-4);
        ScalarField f = ScalarField.constant(g, 2.0);
        f.set(1, 2, 0, 5.0);
        assertThat(f.values()[g.index(1, 2, 0)]).isEqualTo(5.0);
        assertThat(f.max()).isEqualTo(5.0);
        assertThat(f.argMax()).isEqualTo(g.index(1, 2, 0));
        assertThat(f.integral()).isCloseTo((26 * 2.0 + 5.0) * g.cellVolume(), org.assertj.core.data.Offset.offset(1e-24));
        MaterialMap m = new MaterialMap(g);
        m.set(2, 2, 2, 255);
        assertThat(m.get(2, 2, 2)).isEqualTo(255);
        assertThat(m.maxMaterial()).isEqualTo(255);
        assertThatThrownBy(() -> m.set(0, 0, 0, 256)).hasMessageContaining("256");
        assertThat(CellMask.boundaryShell(g).cardinality()).isEqualTo(26);
        assertThatThrownBy(() -> new ScalarField(g, new double[5])).hasMessageContaining("5 entries");
    }
}
