package io.spate.runtime.operators.iteration;

import io.spate.api.operators.ChainingStrategy;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorFactory;
import io.spate.api.operators.StreamOperatorParameters;
import io.spate.api.typeinfo.TypeInformation;

/**
 * Creates the head or the tail operator of an iteration for each subtask. The head heads its chain,
 * so that its task reads the feedback (operators after it may chain to it).
 *
 * @param <OUT> the output type of the operator
 */
public final class IterationOperatorFactory<OUT> implements StreamOperatorFactory<OUT> {

  private static final long serialVersionUID = 1L;

  private final boolean head;
  private final int iterationId;
  private final String headName;
  private final long maxWaitTimeMillis;
  private final TypeInformation<?> type;

  private IterationOperatorFactory(boolean head, int iterationId, String headName, long maxWaitTimeMillis,
      TypeInformation<?> type) {
    this.head = head;
    this.iterationId = iterationId;
    this.headName = headName;
    this.maxWaitTimeMillis = maxWaitTimeMillis;
    this.type = type;
  }

  /** The factory of the head of iteration {@code iterationId}. */
  public static <T> IterationOperatorFactory<T> head(int iterationId, long maxWaitTimeMillis, TypeInformation<T> type) {
    return new IterationOperatorFactory<>(true, iterationId, null, maxWaitTimeMillis, type);
  }

  /** The factory of the tail of iteration {@code iterationId}, whose head is named {@code headName}. */
  public static IterationOperatorFactory<Object> tail(int iterationId, String headName, TypeInformation<?> type) {
    return new IterationOperatorFactory<>(false, iterationId, headName, 0, type);
  }

  /** Whether this creates heads (else tails). */
  public boolean isHead() {
    return head;
  }

  /** The id of the iteration. */
  public int iterationId() {
    return iterationId;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <O extends StreamOperator<OUT>> O createStreamOperator(StreamOperatorParameters<OUT> parameters) {
    StreamOperator operator = head
        ? new IterationHeadOperator(iterationId, maxWaitTimeMillis, type)
        : new IterationTailOperator(iterationId, headName, type);
    operator.setup(parameters);
    return (O) operator;
  }

  @Override
  public ChainingStrategy getChainingStrategy() {
    return head ? ChainingStrategy.HEAD : ChainingStrategy.ALWAYS;
  }
}
