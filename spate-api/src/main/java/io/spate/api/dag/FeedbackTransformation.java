package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.typeinfo.TypeInformation;
import java.util.List;

/**
 * The head of an iteration: its records are those of its input (none for the head of a connected
 * iteration, whose input reaches the two-input operator directly) followed by the records the
 * feedback stream sends back. The runtime runs it as a head task that reads the feedback from a
 * tail task in the same TaskExecutor, so that no cycle appears in the job graph.
 *
 * @param <T> the record type of the feedback (and, for an iteration of one stream, of its input)
 */
@Internal
public final class FeedbackTransformation<T> extends Transformation<T> {

  private static final long serialVersionUID = 1L;

  private final Transformation<T> input;
  private final long maxWaitTimeMillis;
  private Transformation<T> feedback;

  /**
   * Creates the head of an iteration over {@code input}, or, with a null {@code input}, the head of a
   * connected iteration whose feedback has type {@code type}; {@code maxWaitTimeMillis} is 0 for a head
   * that never ends by itself.
   */
  public FeedbackTransformation(int id, Transformation<T> input, TypeInformation<T> type, int parallelism,
      long maxWaitTimeMillis) {
    super(id, input == null ? "CoFeedback" : "Feedback", type, parallelism);
    if (maxWaitTimeMillis < 0) {
      throw new InvalidProgramException(
          "iterate: maxWaitTimeMillis must be 0 (never end) or positive, got " + maxWaitTimeMillis + ".");
    }
    this.input = input;
    this.maxWaitTimeMillis = maxWaitTimeMillis;
  }

  /** The input of the iteration, or null for the head of a connected iteration. */
  public Transformation<T> getInput() {
    return input;
  }

  /** How long the head waits for feedback once its input ended before it ends; 0 for never. */
  public long getMaxWaitTimeMillis() {
    return maxWaitTimeMillis;
  }

  /** The stream fed back to this head, or null while the iteration is not closed. */
  public Transformation<T> getFeedback() {
    return feedback;
  }

  /** Closes the iteration with {@code feedback}; an iteration is closed once. */
  public void setFeedback(Transformation<T> feedback) {
    if (this.feedback != null) {
      throw new InvalidProgramException("closeWith: the iteration " + describe() + " is already closed with "
          + this.feedback.describe() + "; an iteration is closed once (union the feedback streams first).");
    }
    this.feedback = feedback;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return input == null ? List.of() : List.of(input);
  }
}
