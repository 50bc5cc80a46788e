package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.ProcessFunction;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.functions.TimeDomain;
import io.spate.api.typeinfo.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestHarnessesTest {

  record Event(String user, long amount) {}

  /** Emits "key@timestamp:domain" when a timer fires; registers timers from the event's amount. */
  static final class TimerEcho extends KeyedProcessFunction<String, Event, String> {
    @Override
    public void processElement(Event value, Context ctx, Collector<String> out) {
      if (value.amount() < 0) {
        ctx.timerService().deleteEventTimeTimer(-value.amount());
        return;
      }
      ctx.timerService().registerEventTimeTimer(value.amount());
      ctx.timerService().registerProcessingTimeTimer(value.amount() + 1000);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + "@" + timestamp + ":" + ctx.timeDomain());
    }
  }

  @Test
  void mapRecordsTimestampsAndRuntimeContext() throws Exception {
    List<String> seen = new ArrayList<>();
    var harness = TestHarnesses.forMap(new RichMapFunction<Integer, String>() {
      @Override
      public String map(Integer value) {
        seen.add(getRuntimeContext().getTaskNameWithSubtasks());
        return "v" + value;
      }
    }).setSubtask(1, 3, 128);
    harness.processElement(1, 10L).processElement(2);
    assertThat(harness.getOutput()).containsExactly(new StreamRecord<>("v1", 10L), new StreamRecord<>("v2", Long.MIN_VALUE));
    assertThat(seen).containsOnly("Map (2/3)");
    harness.close();
  }

  @Test
  void eventTimeTimersFireInOrderOncePerKeyAndTimestamp() throws Exception {
    var harness = TestHarnesses.forKeyedProcess(new TimerEcho(), Event::user);
    harness.processElement(new Event("b", 30), 1L)
        .processElement(new Event("a", 20), 2L)
        .processElement(new Event("a", 20), 3L) // same key and time: one timer
        .processElement(new Event("a", 10), 4L)
        .processElement(new Event("b", 40), 5L)
        .processElement(new Event("b", -40), 6L); // deletes b@40
    harness.processWatermark(25);
    assertThat(harness.extractOutputValues()).containsExactly("a@10:EVENT_TIME", "a@20:EVENT_TIME");
    harness.processWatermark(100);
    assertThat(harness.extractOutputValues()).containsExactly("a@10:EVENT_TIME", "a@20:EVENT_TIME", "b@30:EVENT_TIME");
    assertThat(harness.getWatermarks()).containsExactly(25L, 100L);
  }

  @Test
  void processingTimeTimersFireWhenTheClockAdvances() throws Exception {
    var harness = TestHarnesses.forKeyedProcess(new TimerEcho(), Event::user);
    harness.setProcessingTime(0);
    harness.processElement(new Event("a", 5)).processElement(new Event("b", 7));
    harness.setProcessingTime(1005);
    assertThat(harness.extractOutputValues()).containsExactly("a@1005:PROCESSING_TIME");
    harness.setProcessingTime(5000);
    assertThat(harness.extractOutputValues()).containsExactly("a@1005:PROCESSING_TIME", "b@1007:PROCESSING_TIME");
  }

  @Test
  void processFunctionSideOutputsAndNoTimersOnNonKeyedStreams() throws Exception {
    OutputTag<String> small = new OutputTag<>("small", Types.STRING);
    var harness = TestHarnesses.forProcess(new ProcessFunction<Integer, Integer>() {
      @Override
      public void processElement(Integer value, Context ctx, Collector<Integer> out) {
        if (value < 10) {
          ctx.output(small, "small:" + value + "@" + ctx.timestamp());
        } else {
          out.collect(value);
        }
      }
    });
    harness.processElement(3, 7L).processElement(42, 8L);
    assertThat(harness.extractOutputValues()).containsExactly(42);
    assertThat(harness.getSideOutput(small)).containsExactly("small:3@7");

    var timers = TestHarnesses.forProcess(new ProcessFunction<Integer, Integer>() {
      @Override
      public void processElement(Integer value, Context ctx, Collector<Integer> out) {
        ctx.timerService().registerEventTimeTimer(1);
      }
    });
    assertThatThrownBy(() -> timers.processElement(1))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("keyed streams");
  }

  @Test
  void keyedReduceStreamingEmitsRunningValuesAndBatchOnlyFinalOnes() throws Exception {
    var streaming = TestHarnesses.forKeyedReduce((Event a, Event b) -> new Event(a.user(), a.amount() + b.amount()), Event::user);
    var batch = TestHarnesses.forBatchKeyedReduce((Event a, Event b) -> new Event(a.user(), a.amount() + b.amount()), Event::user);
    for (var e : List.of(new Event("a", 1), new Event("b", 2), new Event("a", 3))) {
      streaming.processElement(e);
      batch.processElement(e);
    }
    assertThat(streaming.extractOutputValues())
        .containsExactly(new Event("a", 1), new Event("b", 2), new Event("a", 4));
    assertThat(batch.extractOutputValues()).isEmpty();
    batch.endInput();
    assertThat(batch.extractOutputValues()).containsExactly(new Event("a", 4), new Event("b", 2));
  }

  @Test
  void timeDomainOutsideOnTimerIsAnError() throws Exception {
    var harness = TestHarnesses.forKeyedProcess(new KeyedProcessFunction<String, String, TimeDomain>() {
      @Override
      public void processElement(String value, Context ctx, Collector<TimeDomain> out) {
        out.collect(((OnTimerContext) ctx).timeDomain());
      }
    }, s -> s);
    assertThatThrownBy(() -> harness.processElement("x")).hasMessageContaining("only available in onTimer");
  }

  @Test
  void processingTimeCannotGoBack() throws Exception {
    var harness = TestHarnesses.forFilter((Integer x) -> x > 0).setProcessingTime(10);
    assertThatThrownBy(() -> harness.setProcessingTime(5)).isInstanceOf(IllegalArgumentException.class);
  }
}
