package io.spate.examples.fraud;

import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;

/**
 * Applies a {@link FraudRule} to the transactions of each account, in the order the account's
 * transactions arrive. The state per account is the last transaction if it was small; an event-time
 * timer drops it once the rule's time has passed, so that accounts that go quiet keep no state.
 */
public final class FraudDetector extends KeyedProcessFunction<Long, Transaction, Alert> {

  private static final long serialVersionUID = 1L;

  private final FraudRule rule;
  private transient ValueState<Transaction> lastSmall;

  /** A detector for {@code rule}. */
  public FraudDetector(FraudRule rule) {
    this.rule = rule;
  }

  @Override
  public void open(OpenContext openContext) {
    lastSmall = getRuntimeContext().getState(
        new ValueStateDescriptor<>("last-small-transaction", TypeInformation.of(Transaction.class)));
  }

  @Override
  public void processElement(Transaction transaction, Context ctx, Collector<Alert> out) throws Exception {
    Transaction small = lastSmall.value();
    if (small != null) {
      if (rule.completes(small, transaction)) {
        out.collect(Alert.of(small, transaction));
      }
      ctx.timerService().deleteEventTimeTimer(expiry(small));
      lastSmall.clear();
    }
    if (rule.isSmall(transaction)) {
      lastSmall.update(transaction);
      ctx.timerService().registerEventTimeTimer(expiry(transaction));
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) {
    // Only the timer of the small transaction still in state is registered; it has expired.
    lastSmall.clear();
  }

  private long expiry(Transaction small) {
    return small.time().plus(rule.within()).toEpochMilli() + 1;
  }
}
