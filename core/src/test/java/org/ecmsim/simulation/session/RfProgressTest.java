package org.ecmsim.simulation.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ecmsim.electric.Drive;
import org.ecmsim.electric.ElectrodeArray;
import org.ecmsim.electric.Needle;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.parallel.ParallelExecutor;
import org.ecmsim.protocol.RfPass;
import org.ecmsim.tissue.LayeredSkin;
import org.ecmsim.units.Units;
import org.junit.jupiter.api.Test;

/** The progress hook of a thermal phase: monotone, complete, ends at 100 %, and changes nothing. */
class RfProgressTest {

    private static final Needle NEEDLE = Needle.insulatedMillimetres(0.2, 1.2, 0.5);

    @Test
    void reportsMonotoneProgressEndingAtTheWholeSessionAndLeavesResultsUnchanged() {
        Grid3D grid = Grid3D.uniform(20, 14, 18, 100e-6);
        // a train of 3 pulses with pauses and cooling, then a second pass at another depth: 5 ms intervals
        RfPass deep = new RfPass(Units.mm(1.2), Drive.power(0.5), Units.ms(10), 3, Units.ms(10), Units.ms(10));
        RfPass shallow = new RfPass(Units.mm(0.8), Drive.power(0.5), Units.ms(10), 1, 0, Units.ms(10));
        List<RfPass> passes = List.of(deep, shallow);
        RfSettings settings = RfSettings.defaults().withResolveInterval(Units.ms(5));
        List<double[]> calls = new ArrayList<>();
        RfTreatmentResult heard = RfTreatmentSimulation.builder(LayeredSkin.facialSkin().toTissue(grid),
                ElectrodeArray.bipolarPair(1.0e-3, NEEDLE)).settings(settings).executor(ParallelExecutor.serial())
                .progress((pass, pulse, interval, intervals, time, total) -> calls.add(
                        new double[] {pass, pulse, interval, intervals, time, total}))
                .build().run(passes);

        double total = RfProgress.totalTime(passes);
        assertThat(total).isEqualTo(deep.duration() + shallow.duration(), org.assertj.core.api.Assertions.within(
                1e-15));
        // 4 pulses × 2 intervals, and after each heat step (1 ms ADI) of the 2 pauses and 2 cooling times
        assertThat(calls.stream().filter(c -> c[2] < c[3])).hasSize(4);
        assertThat(calls).hasSizeGreaterThan(4 * 2 + 2 + 2);
        double previous = 0;
        for (double[] c : calls) {
            assertThat(c[5]).isEqualTo(total);
            assertThat(c[4]).as("monotone").isGreaterThan(previous).isLessThanOrEqualTo(total);
            assertThat(c[2]).isBetween(1.0, c[3]);
            previous = c[4];
        }
        double[] last = calls.get(calls.size() - 1);
        assertThat(last[4] / last[5]).as("ends at 100 %").isEqualTo(1.0);
        assertThat(last[0]).isEqualTo(1);
        assertThat(calls.get(1)).as("second interval of the first pulse")
                .containsExactly(0, 0, 2, 2, Units.ms(10), total);

        RfTreatmentResult silent = RfTreatmentSimulation.builder(LayeredSkin.facialSkin().toTissue(grid),
                ElectrodeArray.bipolarPair(1.0e-3, NEEDLE)).settings(settings).executor(ParallelExecutor.serial())
                .build().run(passes);
        assertThat(heard.deliveredEnergy()).isEqualTo(silent.deliveredEnergy());
        assertThat(heard.thermal().peakTemperature().values()).containsExactly(
                silent.thermal().peakTemperature().values());
    }
}
