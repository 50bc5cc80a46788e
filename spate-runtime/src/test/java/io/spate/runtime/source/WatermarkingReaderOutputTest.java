package io.spate.runtime.source;

import io.spate.api.eventtime.StrategyContext;
import io.spate.api.metrics.groups.UnregisteredMetricsGroup;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.OutputTag;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.eventtime.Watermark;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.operators.WatermarkStatus;
import io.spate.api.operators.Output;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-split watermarks and idleness of a source reader's output, on a manual clock. */
class WatermarkingReaderOutputTest {

  private long now;
  private final List<Object> emitted = new ArrayList<>();

  /** Records, as "record:ts", watermarks as Long, statuses as the enum, in order. */
  private final Output<String> output = new Output<>() {
    @Override
    public void collect(String value, long timestamp) {
      emitted.add(value + ":" + timestamp);
    }

    @Override
    public <X> void collect(OutputTag<X> tag, X value, long timestamp) {}

    @Override
    public void emitWatermark(long watermark) {
      emitted.add(watermark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
      emitted.add(status);
    }
  };

  private WatermarkingReaderOutput<String> readerOutput(WatermarkStrategy<String> strategy) {
    return new WatermarkingReaderOutput<>(output, strategy, true,
        new StrategyContext(new UnregisteredMetricsGroup(), () -> now));
  }

  @Test
  void combinesTheMinimumOverSplitsAndLetsAnIdleSplitGo() {
    WatermarkingReaderOutput<String> out = readerOutput(WatermarkStrategy.<String>forMonotonousTimestamps()
        .withIdleness(Duration.ofMillis(100)));
    SourceOutput<String> a = out.createOutputForSplit("a");
    SourceOutput<String> b = out.createOutputForSplit("b");
    a.collect("a1", 10);
    b.collect("b1", 50);
    now = 10;
    out.emitPeriodicWatermark();
    a.collect("a2", 20);
    now = 100;
    out.emitPeriodicWatermark();  // b quiet for 90 ms: not idle yet
    now = 110;
    out.emitPeriodicWatermark();  // b quiet for 100 ms: idle, a alone counts
    assertThat(emitted).containsExactly("a1:10", "b1:50", 9L, "a2:20", 19L);
    emitted.clear();
    now = 300;
    out.emitPeriodicWatermark();  // both idle: the highest split watermark holds, then idle
    assertThat(emitted).containsExactly(49L, WatermarkStatus.IDLE);
    emitted.clear();
    b.collect("b2", 60);          // a record makes the subtask active before it is emitted
    assertThat(emitted).containsExactly(WatermarkStatus.ACTIVE, "b2:60");
  }

  @Test
  void aSplitThatHasNotEmittedHoldsTheWatermarkBackWithoutIdleness() {
    WatermarkingReaderOutput<String> out = readerOutput(WatermarkStrategy.forMonotonousTimestamps());
    SourceOutput<String> a = out.createOutputForSplit("a");
    out.createOutputForSplit("b");
    a.collect("a1", 10);
    now = 1_000_000;
    out.emitPeriodicWatermark();
    assertThat(emitted).containsExactly("a1:10");
  }

  @Test
  void aReaderWithoutSplitsHoldsBackUnlessItHasAnIdlenessTimeout() {
    WatermarkingReaderOutput<String> holding = readerOutput(WatermarkStrategy.forMonotonousTimestamps());
    now = 1_000_000;
    holding.emitPeriodicWatermark();
    assertThat(emitted).isEmpty();
    assertThat(holding.isIdle()).isFalse();

    now = 0;
    WatermarkingReaderOutput<String> idling = readerOutput(WatermarkStrategy.<String>forMonotonousTimestamps()
        .withIdleness(Duration.ofMillis(50)));
    now = 49;
    idling.emitPeriodicWatermark();
    assertThat(emitted).isEmpty();
    now = 50;
    idling.emitPeriodicWatermark();
    assertThat(emitted).containsExactly(WatermarkStatus.IDLE);
    assertThat(idling.isIdle()).isTrue();
  }

  @Test
  void theFinalWatermarkTurnsAnIdleOutputActiveFirst() {
    WatermarkingReaderOutput<String> out = readerOutput(WatermarkStrategy.forMonotonousTimestamps());
    SourceOutput<String> a = out.createOutputForSplit("a");
    a.emitWatermark(new Watermark(5));
    a.markIdle();
    out.emitFinalWatermark();
    assertThat(emitted).containsExactly(5L, WatermarkStatus.IDLE, WatermarkStatus.ACTIVE, Long.MAX_VALUE);
  }

  @Test
  void aFinishedSplitsWatermarkHoldsOnceTheRemainingSplitsAreIdle() {
    WatermarkingReaderOutput<String> out = readerOutput(WatermarkStrategy.forMonotonousTimestamps());
    SourceOutput<String> done = out.createOutputForSplit("done");
    SourceOutput<String> quiet = out.createOutputForSplit("quiet");
    done.collect("d1", 100);
    out.releaseOutputForSplit("done");  // its last watermark (99) is taken before it goes
    assertThat(emitted).containsExactly("d1:100");
    quiet.markIdle();
    assertThat(emitted).containsExactly("d1:100", 99L, WatermarkStatus.IDLE);
  }

  @Test
  void aReleasedSplitNoLongerHoldsBack() {
    WatermarkingReaderOutput<String> out = readerOutput(WatermarkStrategy.forMonotonousTimestamps());
    SourceOutput<String> a = out.createOutputForSplit("a");
    SourceOutput<String> b = out.createOutputForSplit("b");
    a.emitWatermark(new Watermark(5));
    b.emitWatermark(new Watermark(30));
    out.releaseOutputForSplit("a");
    assertThat(emitted).containsExactly(5L, 30L);
  }
}
