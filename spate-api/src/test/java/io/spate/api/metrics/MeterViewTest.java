package io.spate.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeterViewTest {

  private long now = 1_000;

  private void advanceSeconds(long seconds) {
    now += TimeUnit.SECONDS.toNanos(seconds);
  }

  @Test
  void theRateIsTheGrowthOfTheCountOverTheWindowsSamples() {
    SimpleCounter counter = new SimpleCounter();
    MeterView meter = new MeterView(counter, 10, () -> now); // window of 10 s: three samples, 5 s apart
    assertThat(meter.getRate()).isZero();

    meter.markEvent(50);
    advanceSeconds(5);
    meter.update();
    assertThat(meter.getRate()).isEqualTo(10.0); // 50 events in 5 s

    counter.inc(100); // the meter reads the counter it was built on
    advanceSeconds(5);
    meter.update();
    assertThat(meter.getRate()).isEqualTo(15.0); // 150 events in 10 s

    advanceSeconds(5);
    meter.update();
    assertThat(meter.getRate()).isEqualTo(10.0); // the first sample left the window: 100 events in 10 s

    advanceSeconds(5);
    meter.update();
    assertThat(meter.getRate()).isZero(); // nothing in the last 10 s
    assertThat(meter.getCount()).isEqualTo(150);
  }

  @Test
  void aLateUpdateDividesByTheTimeThatReallyPassed() {
    MeterView meter = new MeterView(new SimpleCounter(), 60, () -> now);
    meter.markEvent(70);
    advanceSeconds(7);
    meter.update();
    assertThat(meter.getRate()).isEqualTo(10.0);
  }

  @Test
  void aWindowShorterThanTheUpdateIntervalIsRefused() {
    assertThatThrownBy(() -> new MeterView(4)).hasMessageContaining("4 s");
  }
}
