package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.dag.FeedbackTransformation;
import io.spate.api.dag.IterationTailTransformation;
import io.spate.api.dag.Transformation;
import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.TypeHint;
import io.spate.api.typeinfo.TypeInformation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The head of an iteration, made by {@link DataStream#iterate()}: a stream of the input's records
 * and of every record that the stream given to {@link #closeWith} sends back. The iteration's head
 * and tail run as subtasks of their own in one TaskExecutor; see "Iterations" in the DataStream API
 * documentation for when the head ends, and for watermarks.
 *
 * @param <T> the record type
 */
@Public
public class IterativeStream<T> extends SingleOutputStreamOperator<T> {

  private final DataStream<T> originalInput;
  private final long maxWaitTime;

  /** The head of an iteration over {@code dataStream}; {@code maxWaitTime} as in {@link DataStream#iterate(long)}. */
  protected IterativeStream(DataStream<T> dataStream, long maxWaitTime) {
    super(dataStream.getExecutionEnvironment(), new FeedbackTransformation<>(
        dataStream.getExecutionEnvironment().newId(), dataStream.getTransformation(), dataStream.getType(),
        dataStream.getTransformation().getParallelism(), maxWaitTime));
    this.originalInput = dataStream;
    this.maxWaitTime = maxWaitTime;
  }

  /**
   * Closes the iteration: every record of {@code feedbackStream}, which must be built from this
   * iteration and have its parallelism, goes back to the head. Returns {@code feedbackStream}.
   */
  public DataStream<T> closeWith(DataStream<T> feedbackStream) {
    close(environment, feedbackHead(transformation), feedbackStream, "closeWith");
    return feedbackStream;
  }

  /**
   * Turns this iteration into one whose feedback has another type, {@code feedbackTypeClass}: the
   * input and the feedback then meet in a two-input operator of the returned connected streams.
   */
  public <F> ConnectedIterativeStreams<T, F> withFeedbackType(Class<F> feedbackTypeClass) {
    return withFeedbackType(TypeInformation.of(feedbackTypeClass));
  }

  /** Like {@link #withFeedbackType(Class)}, with the feedback type given as a hint. */
  public <F> ConnectedIterativeStreams<T, F> withFeedbackType(TypeHint<F> feedbackTypeHint) {
    return withFeedbackType(TypeInformation.of(feedbackTypeHint));
  }

  /** Like {@link #withFeedbackType(Class)}, with the feedback type given as type information. */
  public <F> ConnectedIterativeStreams<T, F> withFeedbackType(TypeInformation<F> feedbackType) {
    if (feedbackType == null) {
      throw new InvalidProgramException("withFeedbackType: the feedback type must not be null.");
    }
    return new ConnectedIterativeStreams<>(originalInput, feedbackType, maxWaitTime);
  }

  @SuppressWarnings("unchecked")
  private static <X> FeedbackTransformation<X> feedbackHead(Transformation<X> transformation) {
    return (FeedbackTransformation<X>) transformation;
  }

  /**
   * Checks {@code feedback} against {@code head} as Flink does (built from the iteration, the head's
   * parallelism) and makes it the head's feedback, with a tail among the job's terminal transformations.
   */
  static <X> void close(StreamExecutionEnvironment environment, FeedbackTransformation<X> head,
      DataStream<X> feedback, String method) {
    if (feedback == null) {
      throw new InvalidProgramException(method + ": the feedback stream must not be null.");
    }
    if (feedback.getExecutionEnvironment() != environment) {
      throw new InvalidProgramException(method + ": the feedback stream must belong to the iteration's environment.");
    }
    Transformation<X> tail = feedback.getTransformation();
    if (!reaches(tail, head)) {
      throw new InvalidProgramException(method + ": the feedback stream " + tail.describe()
          + " is not built from the iteration " + head.describe() + "; only a stream that derives from the"
          + " iteration can close it.");
    }
    int headParallelism = effectiveParallelism(head, environment);
    int feedbackParallelism = effectiveParallelism(tail, environment);
    if (headParallelism != feedbackParallelism) {
      throw new InvalidProgramException(method + ": the parallelism of the feedback stream " + tail.describe()
          + " (" + feedbackParallelism + ") must equal that of the iteration head " + head.describe() + " ("
          + headParallelism + "); change either with setParallelism(...).");
    }
    head.setFeedback(tail);
    environment.addSink(new IterationTailTransformation<>(environment.newId(), head, tail));
  }

  private static int effectiveParallelism(Transformation<?> t, StreamExecutionEnvironment environment) {
    return t.getParallelism() > 0 ? t.getParallelism() : environment.getParallelism();
  }

  private static boolean reaches(Transformation<?> from, Transformation<?> target) {
    Deque<Transformation<?>> open = new ArrayDeque<>();
    Set<Integer> seen = new HashSet<>();
    open.push(from);
    while (!open.isEmpty()) {
      Transformation<?> t = open.pop();
      if (t == target) {
        return true;
      }
      if (seen.add(t.getId())) {
        t.getInputs().forEach(open::push);
      }
    }
    return false;
  }

  /**
   * An iteration whose feedback type {@code F} differs from its input type {@code I}: the input is
   * the first and the feedback the second of these connected streams.
   *
   * @param <I> the input type
   * @param <F> the feedback type
   */
  @Public
  public static class ConnectedIterativeStreams<I, F> extends ConnectedStreams<I, F> {

    private final FeedbackTransformation<F> head;

    /** Connects {@code input} with the feedback of type {@code feedbackType}; {@code waitTime} as in iterate. */
    public ConnectedIterativeStreams(DataStream<I> input, TypeInformation<F> feedbackType, long waitTime) {
      this(input, new FeedbackTransformation<>(input.getExecutionEnvironment().newId(), null,
          requireType(feedbackType), input.getTransformation().getParallelism(), waitTime));
    }

    private ConnectedIterativeStreams(DataStream<I> input, FeedbackTransformation<F> head) {
      super(input.getExecutionEnvironment(), input, new DataStream<>(input.getExecutionEnvironment(), head));
      this.head = head;
    }

    private static <X> TypeInformation<X> requireType(TypeInformation<X> type) {
      if (type == null) {
        throw new InvalidProgramException("withFeedbackType: the feedback type must not be null.");
      }
      return type;
    }

    /**
     * Closes the iteration: every record of {@code feedbackStream}, which must be built from these
     * streams and have the iteration head's parallelism, comes back as a record of the second input.
     * Returns {@code feedbackStream}.
     */
    public DataStream<F> closeWith(DataStream<F> feedbackStream) {
      close(getFirstInput().getExecutionEnvironment(), head, feedbackStream, "closeWith");
      return feedbackStream;
    }

    /** Not possible: partition the input and the feedback stream instead. */
    @Override
    public <K> ConnectedStreams<I, F> keyBy(KeySelector<I, K> keySelector1, KeySelector<F, K> keySelector2) {
      throw new UnsupportedOperationException("Cannot change the partitioning of an iteration head: apply keyBy"
          + " to the input stream before iterate() and to the feedback stream before closeWith(...).");
    }

    /** Not possible, as {@link #keyBy(KeySelector, KeySelector)}. */
    @Override
    public <K> ConnectedStreams<I, F> keyBy(
        KeySelector<I, K> keySelector1, KeySelector<F, K> keySelector2, TypeInformation<K> keyType) {
      return keyBy(keySelector1, keySelector2);
    }

    /** Not possible, as {@link #keyBy(KeySelector, KeySelector)}. */
    @Override
    public ConnectedStreams<I, F> keyBy(int keyPosition1, int keyPosition2) {
      return keyBy((KeySelector<I, Object>) null, null);
    }

    /** Not possible, as {@link #keyBy(KeySelector, KeySelector)}. */
    @Override
    public ConnectedStreams<I, F> keyBy(int[] keyPositions1, int[] keyPositions2) {
      return keyBy((KeySelector<I, Object>) null, null);
    }

    /** Not possible, as {@link #keyBy(KeySelector, KeySelector)}. */
    @Override
    public ConnectedStreams<I, F> keyBy(String field1, String field2) {
      return keyBy((KeySelector<I, Object>) null, null);
    }

    /** Not possible, as {@link #keyBy(KeySelector, KeySelector)}. */
    @Override
    public ConnectedStreams<I, F> keyBy(String[] fields1, String[] fields2) {
      return keyBy((KeySelector<I, Object>) null, null);
    }
  }
}
