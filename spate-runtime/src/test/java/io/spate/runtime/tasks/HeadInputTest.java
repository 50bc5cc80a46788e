package io.spate.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.operators.AbstractStreamOperator;
import io.spate.api.operators.InFlightOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.operators.KeyedInput;
import io.spate.runtime.operators.OperatorFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of head input hands a batch's records to its operator as that kind of head expects. */
class HeadInputTest {

  /** Records what reaches it: "value@timestamp", with the incoming key when one was set. */
  private static final class Recording extends AbstractStreamOperator<Object>
      implements OneInputStreamOperator<Object, Object>, TwoInputStreamOperator<Object, Object, Object>, KeyedInput {
    final List<String> seen = new ArrayList<>();
    Object incomingKey;

    @Override
    public void setIncomingKey(Object key) {
      incomingKey = key;
    }

    @Override
    public void processElement(Object value, long timestamp) {
      if ("boom".equals(value)) {
        throw new IllegalArgumentException("cannot take " + value);
      }
      seen.add(value + "@" + timestamp + (incomingKey == null ? "" : " key " + incomingKey));
    }

    @Override
    public void processElement1(Object value, long timestamp) {
      seen.add("1:" + value);
    }

    @Override
    public void processElement2(Object value, long timestamp) {
      seen.add("2:" + value);
    }
  }

  /** Takes records while it has room for them; a completion frees one place. */
  private static final class Bounded extends AbstractStreamOperator<Object>
      implements OneInputStreamOperator<Object, Object>, InFlightOperator {
    final List<Object> taken = new ArrayList<>();
    int room;

    Bounded(int room) {
      this.room = room;
    }

    @Override
    public void processElement(Object value, long timestamp) {
      taken.add(value);
      room--;
    }

    @Override
    public boolean canTakeInput() {
      return room > 0;
    }

    @Override
    public boolean runCompletions() {
      room++;
      return true;
    }

    @Override
    public boolean hasInFlight() {
      return !taken.isEmpty();
    }
  }

  private static RecordBatch batch(Object... values) {
    RecordBatch batch = new RecordBatch(values.length);
    for (int i = 0; i < values.length; i++) {
      batch.add(values[i], 10 + i);
    }
    return batch;
  }

  @Test
  void aOneInputHeadTakesTheWholeBatchFromWhereItIsAsked() {
    Recording operator = new Recording();
    HeadInput head = new OneInputHead(operator, null, null);

    assertThat(head.processBatch(0, batch("a", "b", "c"), 1)).isEqualTo(3);

    assertThat(operator.seen).containsExactly("b@11", "c@12");
  }

  @Test
  void aKeyedInputHeadGetsEachRecordsKeyFromTheBatchAndNoneAfterIt() {
    Recording operator = new Recording();
    HeadInput head = new OneInputHead(operator, operator, null);
    RecordBatch keyed = new RecordBatch(2);
    keyed.add("a", 1, "k1");
    keyed.add("b", 2, "k2");

    head.processBatch(0, keyed, 0);

    assertThat(operator.seen).containsExactly("a@1 key k1", "b@2 key k2");
    assertThat(operator.incomingKey).isNull();
  }

  @Test
  void aFailingRecordNamesTheHeadOperatorAndKeepsTheCause() {
    HeadInput head = new OneInputHead(new Recording(), null, null);

    assertThatThrownBy(() -> head.processBatch(0, batch("a", "boom"), 0))
        .isInstanceOfSatisfying(OperatorFailure.class, f -> {
          assertThat(f.getOperatorName()).isEqualTo("Recording");
          assertThat(f.getCause()).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot take boom");
        });
  }

  @Test
  void aTwoInputHeadSendsEachInputToItsSide() {
    Recording operator = new Recording();
    HeadInput head = new TwoInputHead(operator, null, null);

    head.processBatch(1, batch("x"), 0);
    head.processBatch(0, batch("y"), 0);
    head.processRecord(1, "restored", 5);

    assertThat(operator.seen).containsExactly("2:x", "1:y", "2:restored");
  }

  @Test
  void anInFlightHeadTakesOnlyWhatItHasRoomForAndResumesWhereItStopped() {
    Bounded operator = new Bounded(2);
    HeadInput head = new InFlightHead(operator, operator);
    RecordBatch batch = batch("a", "b", "c");

    assertThat(head.processBatch(0, batch, 0)).isEqualTo(2);
    assertThat(head.processBatch(0, batch, 2)).as("no room yet").isEqualTo(2);
    assertThat(head.runCompletions()).isTrue();
    assertThat(head.processBatch(0, batch, 2)).isEqualTo(3);

    assertThat(operator.taken).containsExactly("a", "b", "c");
    assertThat(head.hasInFlight()).isTrue();
  }
}
