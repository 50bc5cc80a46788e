package io.spate.runtime.tasks;

import io.spate.api.operators.InFlightOperator;
import io.spate.api.operators.Input;
import io.spate.api.operators.MultipleInputStreamOperator;
import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.TwoInputStreamOperator;
import io.spate.runtime.graph.StreamNode;
import io.spate.runtime.network.RecordBatch;
import io.spate.runtime.operators.KeyedInput;
import java.util.List;
import java.util.Objects;

/**
 * Hands the records a task reads from the network to the head operator of its chain, one
 * implementation per kind of head, chosen once when the task starts: the task makes one call per
 * batch, and the loop over the batch's records calls the operator directly.
 */
interface HeadInput {

  /**
   * Hands the records of {@code batch} of input {@code inputIndex}, from {@code from} on, to the head;
   * returns the index of the first record it did not take: {@code batch.size()} unless the head keeps
   * records in flight and has no room for more.
   */
  int processBatch(int inputIndex, RecordBatch batch, int from);

  /** Hands one record restored from an unaligned checkpoint's in-flight state to the head. */
  void processRecord(int inputIndex, Object value, long timestamp);

  /** Hands on the results the head's in-flight records completed with; returns whether there were any. */
  default boolean runCompletions() {
    return false;
  }

  /** Whether the head still holds records in flight, which must complete before it may finish. */
  default boolean hasInFlight() {
    return false;
  }

  /**
   * The head input for the head operator of {@code chain}, that of node {@code node} (not a source).
   * Made before the operators open, as the task always chose its kind of head.
   */
  @SuppressWarnings("unchecked")
  static HeadInput of(OperatorChain chain, StreamNode node) {
    StreamOperator<?> head = chain.head();
    KeyedInput keyed = head instanceof KeyedInput k ? k : null;
    if (head instanceof TwoInputStreamOperator<?, ?, ?> two) {
      return new TwoInputHead((TwoInputStreamOperator<Object, Object, ?>) two, keyed, chain.headKeySetter());
    }
    if (head instanceof MultipleInputStreamOperator<?> multi) {
      return new MultipleInputHead(head, inputsOf(multi, node), chain.headKeySetter());
    }
    if (head instanceof InFlightOperator inFlight) {
      return new InFlightHead((OneInputStreamOperator<Object, ?>) head, inFlight);
    }
    return new OneInputHead((OneInputStreamOperator<Object, ?>) head, keyed, chain.headKeySetter());
  }

  /** The inputs of {@code operator}, one per input of {@code node}, checked once. */
  @SuppressWarnings("unchecked")
  private static Input<Object>[] inputsOf(MultipleInputStreamOperator<?> operator, StreamNode node) {
    List<Input<?>> inputs = operator.getInputs();
    int expected = node.getTransformation().getInputs().size();
    if (inputs == null || inputs.size() != expected || inputs.stream().anyMatch(Objects::isNull)) {
      throw new IllegalStateException("Operator '" + node.getName() + "' has " + expected + " inputs, but its"
          + " getInputs() gave " + (inputs == null ? "null" : inputs.size() + " (" + inputs + ")"));
    }
    return inputs.toArray(new Input[0]);
  }
}
