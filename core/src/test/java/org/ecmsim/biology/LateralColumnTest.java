package org.ecmsim.biology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.MaterialMap;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/**
 * An untreated, laterally uniform model advanced on one column ({@link RemodellingModel#lateralColumn()}) and spread
 * back ({@link RemodellingModel#copyLaterally}) is bitwise the model advanced on its full grid; where the tissue is
 * not laterally uniform or carries a signal there is no column.
 */
class LateralColumnTest {

    private static final double DAY = Units.DAY;

    private static RemodellingModel model(ParallelExecutor executor) {
        RemodellingModel m = RemodellingModelTest.model(50, executor);
        m.setTimeStep(5 * Units.HOUR);
        return m;
    }

    @Test
    void aColumnAdvancesBitwiseAsEveryColumnOfTheFullGrid() {
        RemodellingModel reference = model(new ParallelExecutor(2));
        RemodellingModel spread = model(ParallelExecutor.serial());
        RemodellingModel column = spread.lateralColumn().orElseThrow();
        assertThat(column.grid().cellCount()).isEqualTo(spread.grid().nz());
        // Uneven durations (new clock segments), labelling begun half-way, as a course does it.
        double[] durations = {0.7 * DAY, 1.3 * DAY, 2 * DAY, 0.25 * DAY};
        for (int i = 0; i < durations.length; i++) {
            if (i == 2) {
                reference.startLabelling();
                spread.copyLaterally(column);
                spread.startLabelling();
                column.startLabelling();
            }
            reference.advance(durations[i]);
            column.advance(durations[i]);
        }
        spread.copyLaterally(column);
        assertThat(spread.time()).isEqualTo(reference.time());
        assertThat(spread.stepCount()).isEqualTo(reference.stepCount()).isPositive();
        assertThat(spread.isLabelling()).isTrue();
        for (Species s : Species.values()) {
            assertThat(spread.field(s).values()).as(s.name()).isEqualTo(reference.field(s).values());
            if (s.isMatrix()) {
                assertThat(spread.ledger(s)).as(s.name()).isEqualTo(reference.ledger(s));
            }
        }
        for (int k = 1; k <= 3; k++) {
            assertThat(spread.state().stage(k)).isEqualTo(reference.state().stage(k));
        }
        // The tissue aged: the comparison is not of states that never moved.
        assertThat(spread.field(Species.HYALURONAN).values()).isNotEqualTo(model(ParallelExecutor.serial())
                .field(Species.HYALURONAN).values());
        assertThat(reference.ledger(Species.COLLAGEN_I).synthesized()).isPositive();
        // And back: a column taken from the advanced full model continues as the full model does.
        RemodellingModel again = spread.lateralColumn().orElseThrow();
        reference.advance(DAY);
        again.advance(DAY);
        spread.copyLaterally(again);
        for (Species s : Species.values()) {
            assertThat(spread.field(s).values()).as(s.name()).isEqualTo(reference.field(s).values());
            if (s.isMatrix()) {
                assertThat(spread.ledger(s)).as(s.name()).isEqualTo(reference.ledger(s));
            }
        }
    }

    @Test
    void noColumnWhereTheTissueIsNotLaterallyUniformOrCarriesASignal() {
        Grid3D g = RemodellingModelTest.grid();
        MaterialMap layers = RemodellingModelTest.layers(g);
        layers.set(3, 4, 5, 1); // one papillary cell among the reticular ones
        RemodellingModel patchy = new RemodellingModel(g, layers, RemodellingModelTest.BASELINES,
                BiologyParameters.defaults(), 50, ParallelExecutor.serial());
        assertThat(patchy.lateralColumn()).isEmpty();

        RemodellingModel treated = model(ParallelExecutor.serial());
        treated.applyInsult(RemodellingModelTest.insult(g, 0.5));
        assertThat(treated.lateralColumn()).isEmpty();

        // A laterally uniform insult leaves the state uniform but with signals (growth factor, migrating cells)
        // whose lateral sweeps need not stay bitwise uniform: no column either.
        RemodellingModel uniformHit = model(ParallelExecutor.serial());
        double[] killed = new double[g.cellCount()];
        java.util.Arrays.fill(killed, 0.1);
        uniformHit.applyInsult(new ThermalInsult(g, killed, new double[g.cellCount()], new double[g.cellCount()]));
        assertThat(uniformHit.lateralColumn()).isEmpty();

        // Nor of a column (it already stands for several), nor with another stepper.
        RemodellingModel column = model(ParallelExecutor.serial()).lateralColumn().orElseThrow();
        assertThat(column.lateralColumn()).isEmpty();
        BiologyStepper other = (state, kinetics, age, dt) -> { };
        RemodellingModel custom = new RemodellingModel(g, RemodellingModelTest.layers(g),
                RemodellingModelTest.BASELINES, BiologyParameters.defaults(), 50, other);
        assertThat(custom.lateralColumn()).isEmpty();
    }

    @Test
    void copyingLaterallyNeedsTheSameTissue() {
        RemodellingModel m = model(ParallelExecutor.serial());
        Grid3D deeper = Grid3D.uniform(10, 10, 17, 100e-6);
        MaterialMap layers = new MaterialMap(deeper);
        RemodellingModel other = new RemodellingModel(deeper, layers, RemodellingModelTest.BASELINES,
                BiologyParameters.defaults(), 50, ParallelExecutor.serial());
        other.setTimeStep(5 * Units.HOUR);
        assertThatThrownBy(() -> m.copyLaterally(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("z planes");
        RemodellingModel older = RemodellingModelTest.model(60, ParallelExecutor.serial());
        older.setTimeStep(5 * Units.HOUR);
        assertThatThrownBy(() -> m.copyLaterally(older)).hasMessageContaining("age 60");
        assertThatThrownBy(() -> new OperatorSplitStepper(m.grid(), ParallelExecutor.serial(), 4))
                .hasMessageContaining("lateral copies = 4");
    }
}
