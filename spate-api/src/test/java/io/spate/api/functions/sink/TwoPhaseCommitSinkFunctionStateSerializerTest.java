package io.spate.api.functions.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.functions.sink.TwoPhaseCommitSinkFunction.State;
import io.spate.api.functions.sink.TwoPhaseCommitSinkFunction.StateSerializer;
import io.spate.api.functions.sink.TwoPhaseCommitSinkFunction.TransactionHolder;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.LongSerializer;
import io.spate.api.serialization.StringSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** The checkpointed state of a two-phase commit sink: its serializer's round trip and copies. */
class TwoPhaseCommitSinkFunctionStateSerializerTest {

  private static final StateSerializer<String, Long> SERIALIZER =
      new StateSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE);

  private static Gen<TransactionHolder<String>> holders() {
    return SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(0, 12)
        .zip(SourceDSL.longs().all(), TransactionHolder::new);
  }

  private static Gen<State<String, Long>> states() {
    Gen<TransactionHolder<String>> open = holders().toOptionals(20).map(o -> o.orElse(null));
    Gen<List<TransactionHolder<String>>> pending = SourceDSL.lists().of(holders()).ofSizeBetween(0, 6)
        .map(list -> (List<TransactionHolder<String>>) new ArrayList<>(list));
    Gen<Optional<Long>> context = SourceDSL.longs().all().toOptionals(30);
    return open.zip(pending, context, State::new);
  }

  private static byte[] write(State<String, Long> state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    SERIALIZER.serialize(state, out);
    return out.getCopyOfBuffer();
  }

  @Test
  void aStateReadBackEqualsTheStateWritten() {
    qt().withExamples(300).forAll(states()).checkAssert(state -> {
      try {
        assertThat(SERIALIZER.deserialize(new DataInputDeserializer(write(state)))).isEqualTo(state);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void aCopyEqualsItsOriginalAndSharesNoList() {
    qt().withExamples(300).forAll(states()).checkAssert(state -> {
      State<String, Long> copy = SERIALIZER.copy(state);
      assertThat(copy).isEqualTo(state).hasSameHashCodeAs(state);
      assertThat(copy.getPendingCommitTransactions()).isNotSameAs(state.getPendingCommitTransactions());
    });
  }

  @Test
  void equalSerializersAreThoseOfEqualParts() {
    assertThat(SERIALIZER).isEqualTo(new StateSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE))
        .hasSameHashCodeAs(new StateSerializer<>(StringSerializer.INSTANCE, LongSerializer.INSTANCE))
        .isNotEqualTo(new StateSerializer<>(StringSerializer.INSTANCE, StringSerializer.INSTANCE));
  }

  @Test
  void aNegativeCountOfPendingTransactionsIsReportedAsCorrupt() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    out.writeBoolean(false);
    out.writeInt(-3);
    assertThatThrownBy(() -> SERIALIZER.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
        .isInstanceOf(IOException.class).hasMessageContaining("-3 pending transactions");
  }
}
