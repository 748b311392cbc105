package org.ecmsim.protocol;

import static org.ecmsim.internal.Checks.requireFiniteNonNegative;
import static org.ecmsim.internal.Checks.requireFinitePositive;

import java.util.Objects;
import org.ecmsim.electric.Drive;
import org.ecmsim.units.Units;

/**
 * One pass of the tip at one site: the needles go in to a depth, deliver a train of RF pulses, and the tissue then
 * cools before the next pass. Several passes at the same site stack; passes at different depths treat several
 * levels.
 *
 * @param needleDepth penetration depth of the needles (m), &gt; 0
 * @param drive the generator setting
 * @param conductionTime length of each RF pulse (s), &gt; 0
 * @param pulses pulses in the train, ≥ 1
 * @param pulseInterval off time between pulses of the train (s), ≥ 0
 * @param coolingTime time after the last pulse before the pass ends (s), ≥ 0
 */
public record RfPass(double needleDepth, Drive drive, double conductionTime, int pulses, double pulseInterval,
        double coolingTime) {

    /**
     * Validates the pass.
     *
     * @param needleDepth penetration depth of the needles (m), &gt; 0
     * @param drive the generator setting
     * @param conductionTime length of each RF pulse (s), &gt; 0
     * @param pulses pulses in the train, ≥ 1
     * @param pulseInterval off time between pulses of the train (s), ≥ 0
     * @param coolingTime time after the last pulse before the pass ends (s), ≥ 0
     */
    public RfPass {
        requireFinitePositive("needle depth", needleDepth, "m");
        Objects.requireNonNull(drive, "drive");
        requireFinitePositive("conduction time", conductionTime, "s");
        if (pulses < 1) {
            throw new IllegalArgumentException("pulses = " + pulses + " is invalid; a pass has at least 1 pulse");
        }
        requireFiniteNonNegative("pulse interval", pulseInterval, "s");
        requireFiniteNonNegative("cooling time", coolingTime, "s");
        if (pulses > 1 && pulseInterval == 0) {
            throw new IllegalArgumentException("a train of " + pulses + " pulses needs an off time between them;"
                    + " pulse interval = 0 s (use one longer pulse instead)");
        }
    }

    /**
     * A single pulse, units as device panels show them.
     *
     * @param depthMm needle depth (mm)
     * @param drive the generator setting
     * @param conductionMs pulse length (ms)
     * @param coolingMs cooling after the pulse (ms)
     * @return the pass
     */
    public static RfPass singlePulse(double depthMm, Drive drive, double conductionMs, double coolingMs) {
        return new RfPass(Units.mm(depthMm), drive, Units.ms(conductionMs), 1, 0.0, Units.ms(coolingMs));
    }

    /** @return the length of the whole pass, pulses, gaps and cooling (s) */
    public double duration() {
        return pulses * conductionTime + (pulses - 1) * pulseInterval + coolingTime;
    }
}
