package org.ecmsim.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shared step clock: how a duration is cut, the time of each step, and landing exactly on the end. */
class StepClockTest {

    @Test
    void anExactMultipleTakesThatManySteps() {
        StepClock.Plan p = StepClock.Plan.of(1.0, 0.25);
        assertThat(p.count()).isEqualTo(4);
        assertThat(p.step()).isEqualTo(0.25);
        // 1.0/0.1 = 10.000000000000002 in floating point: the 1e-12 tolerance keeps it at 10 steps.
        StepClock.Plan q = StepClock.Plan.of(1.0, 0.1);
        assertThat(q.count()).isEqualTo(10);
        assertThat(q.step()).isEqualTo(1.0 / 10);
        // 3 h in 1 h steps.
        assertThat(StepClock.Plan.of(3 * 3600.0, 3600.0).count()).isEqualTo(3);
    }

    @Test
    void aDurationThatIsNotAMultipleTakesEqualShorterSteps() {
        StepClock.Plan p = StepClock.Plan.of(1.0, 0.3);
        assertThat(p.count()).isEqualTo(4);
        assertThat(p.step()).isEqualTo(0.25);
        StepClock.Plan q = StepClock.Plan.of(7.0, 2.0);
        assertThat(q.count()).isEqualTo(4);
        assertThat(q.step()).isEqualTo(1.75);
    }

    @Test
    void aDurationShorterThanOneStepIsOneStep() {
        StepClock.Plan p = StepClock.Plan.of(0.1, 0.3);
        assertThat(p.count()).isEqualTo(1);
        assertThat(p.step()).isEqualTo(0.1);
    }

    @Test
    void badDurationsAndStepsAreRefused() {
        assertThatThrownBy(() -> StepClock.Plan.of(0, 1)).hasMessageContaining("duration");
        assertThatThrownBy(() -> StepClock.Plan.of(1, Double.NaN)).hasMessageContaining("time step");
    }

    /** Step times are t_seg + k·h (not a running sum), and the clock ends exactly on start + duration. */
    @Test
    void stepsAreCountedInTheSegmentAndTheClockLandsExactlyOnTheEnd() {
        StepClock clock = new StepClock();
        clock.setTime(0.1);
        double start = clock.time();
        double duration = 0.7;
        StepClock.Plan plan = StepClock.Plan.of(duration, 0.1);
        assertThat(plan.count()).isEqualTo(7);
        clock.beginSteps(plan.step());
        double running = start;
        for (long s = 0; s < plan.count(); s++) {
            assertThat(clock.time()).isEqualTo(start + s * plan.step());
            clock.completeStep();
            running += plan.step();
        }
        // The running sum and t_seg + 7h are both off 0.8 by rounding; landing puts the clock on start + d.
        clock.landAt(start + duration);
        assertThat(clock.time()).isEqualTo(start + duration);
        assertThat(clock.stepCount()).isEqualTo(7);
        System.out.printf("running sum %.17g, landed %.17g%n", running, clock.time());
    }

    /** The same step length continues the segment; a new one starts a segment at the current time. */
    @Test
    void aNewStepLengthStartsANewSegment() {
        StepClock clock = new StepClock();
        clock.beginSteps(0.5);
        clock.completeStep();
        clock.completeStep();
        clock.beginSteps(0.5);
        clock.completeStep();
        assertThat(clock.time()).isEqualTo(3 * 0.5);
        clock.beginSteps(0.2);
        assertThat(clock.time()).isEqualTo(1.5);
        clock.completeStep();
        assertThat(clock.time()).isEqualTo(1.5 + 0.2);
        assertThat(clock.stepCount()).isEqualTo(4);
    }
}
