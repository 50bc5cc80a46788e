package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import java.util.List;

/**
 * The end of an iteration's feedback stream: it hands every record back to the iteration's head.
 * The environment keeps it among the job's terminal transformations, so that the feedback is part of
 * the graph although nothing downstream reads it.
 *
 * @param <T> the record type of the feedback
 */
@Internal
public final class IterationTailTransformation<T> extends Transformation<Object> {

  private static final long serialVersionUID = 1L;

  private final FeedbackTransformation<T> head;
  private final Transformation<T> feedback;

  /** Creates the tail that sends {@code feedback} back to {@code head}. */
  public IterationTailTransformation(int id, FeedbackTransformation<T> head, Transformation<T> feedback) {
    super(id, "IterationSink-" + head.getId(), null, head.getParallelism());
    this.head = head;
    this.feedback = feedback;
  }

  /** The head this tail feeds. */
  public FeedbackTransformation<T> getHead() {
    return head;
  }

  /** The feedback stream. */
  public Transformation<T> getFeedback() {
    return feedback;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(feedback);
  }
}
