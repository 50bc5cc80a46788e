package io.spate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.TimeDomain;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import org.junit.jupiter.api.Test;

/** A connect-based join with keyed state and timers, through the harness. */
class KeyedCoProcessHarnessTest {

  record Order(String id, int amount) {}

  record Payment(String orderId, String method) {}

  static final OutputTag<String> UNPAID = new OutputTag<>("unpaid") {};

  /** Joins each order with its payment, whichever comes first; reports orders unpaid after 100 ms. */
  static final class OrderPaymentJoin extends KeyedCoProcessFunction<String, Order, Payment, String> {
    private transient ValueState<Order> order;
    private transient ValueState<Payment> payment;

    @Override
    public void open(OpenContext openContext) {
      order = getRuntimeContext().getState(new ValueStateDescriptor<>("order", Order.class));
      payment = getRuntimeContext().getState(new ValueStateDescriptor<>("payment", Payment.class));
    }

    @Override
    public void processElement1(Order value, Context ctx, Collector<String> out) throws Exception {
      Payment p = payment.value();
      if (p != null) {
        out.collect(ctx.getCurrentKey() + " " + value.amount() + " by " + p.method());
        payment.clear();
      } else {
        order.update(value);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 100);
      }
    }

    @Override
    public void processElement2(Payment value, Context ctx, Collector<String> out) throws Exception {
      Order o = order.value();
      if (o != null) {
        out.collect(ctx.getCurrentKey() + " " + o.amount() + " by " + value.method());
        order.clear();
      } else {
        payment.update(value);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
      if (order.value() != null) {
        ctx.output(UNPAID, ctx.getCurrentKey() + " " + ctx.timeDomain() + " " + timestamp);
        order.clear();
      }
    }
  }

  @Test
  void joinsEitherOrderAndKeepsStatePerKey() throws Exception {
    var h = TestHarnesses.forKeyedCoProcess(new OrderPaymentJoin(), Order::id, Payment::orderId);
    h.processElement1(new Order("o1", 10), 1);
    h.processElement2(new Payment("o2", "card"), 2);
    h.processElement1(new Order("o3", 30), 3);
    h.processElement2(new Payment("o1", "cash"), 4);
    h.processElement1(new Order("o2", 20), 5);
    assertThat(h.extractOutputValues()).containsExactly("o1 10 by cash", "o2 20 by card");
    assertThat(h.getOutput()).extracting(StreamRecord::timestamp).containsExactly(4L, 5L);

    h.processWatermark(200);
    assertThat(h.getSideOutput(UNPAID)).containsExactly("o3 " + TimeDomain.EVENT_TIME + " 103");
  }

  @Test
  void processingTimeTimersReportTheirDomainAndKey() throws Exception {
    var h = TestHarnesses.forKeyedCoProcess(new KeyedCoProcessFunction<Integer, Integer, String, String>() {
      @Override
      public void processElement1(Integer value, Context ctx, Collector<String> out) {
        ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 5);
      }

      @Override
      public void processElement2(String value, Context ctx, Collector<String> out) {
        out.collect("key " + ctx.getCurrentKey());
      }

      @Override
      public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
        out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain() + " " + timestamp + " " + ctx.timestamp());
      }
    }, v -> v % 10, s -> s.length());
    h.setProcessingTime(100);
    h.processElement1(13);
    h.processElement2("abc");
    h.setProcessingTime(105);
    assertThat(h.extractOutputValues()).containsExactly("key 3", "3 PROCESSING_TIME 105 null");
  }
}
