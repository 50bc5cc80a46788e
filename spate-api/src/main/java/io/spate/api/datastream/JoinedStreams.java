package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.functions.CoGroupFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatJoinFunction;
import io.spate.api.functions.JoinFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * Two streams to join per key and window: {@code a.join(b).where(keyA).equalTo(keyB)
 * .window(assigner).apply(joinFunction)}. Every pair of records of the two inputs with the same key
 * in the same window is joined (an inner join: a key seen on one side only gives nothing).
 *
 * @param <T1> the type of the first input
 * @param <T2> the type of the second input
 */
@Public
public class JoinedStreams<T1, T2> {

  private final CoGroupedStreams<T1, T2> coGroup;
  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  /** The join of {@code input1} and {@code input2}. */
  public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    this.coGroup = new CoGroupedStreams<>(input1, input2);
    this.input1 = input1;
    this.input2 = input2;
  }

  /** The key of the first input. */
  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    return new Where<>(coGroup.where(keySelector));
  }

  /** The key of the first input, of the given type. */
  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
    return new Where<>(coGroup.where(keySelector, keyType));
  }

  /**
   * The join with the key of the first input chosen.
   *
   * @param <KEY> the key type
   */
  public class Where<KEY> {

    private final CoGroupedStreams<T1, T2>.Where<KEY> where;

    Where(CoGroupedStreams<T1, T2>.Where<KEY> where) {
      this.where = where;
    }

    /** The key of the second input; it must have the type of the first input's key. */
    public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
      return new EqualTo(where.equalTo(keySelector));
    }

    /** The key of the second input, of the given type, which must be the first input's key type. */
    public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> keyType) {
      return new EqualTo(where.equalTo(keySelector, keyType));
    }

    /** The join with both keys chosen; next comes the window. */
    public class EqualTo {

      private final CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo equalTo;

      EqualTo(CoGroupedStreams<T1, T2>.Where<KEY>.EqualTo equalTo) {
        this.equalTo = equalTo;
      }

      /** Joins in the windows of {@code assigner}. */
      public <W extends Window> WithWindow<T1, T2, KEY, W> window(
          WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
        return new WithWindow<>(equalTo.window(assigner), input1, input2);
      }
    }
  }

  /**
   * A join with keys and window chosen: set a trigger, evictor or allowed lateness, then apply the
   * join function.
   *
   * @param <T1> the type of the first input
   * @param <T2> the type of the second input
   * @param <KEY> the key type
   * @param <W> the window type
   */
  public static class WithWindow<T1, T2, KEY, W extends Window> {

    private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup, DataStream<T1> input1, DataStream<T2> input2) {
      this.coGroup = coGroup;
      this.input1 = input1;
      this.input2 = input2;
    }

    /** Fires the windows per {@code trigger} instead of the assigner's default. */
    public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
      coGroup.trigger(trigger);
      return this;
    }

    /** Evicts records from the windows per {@code evictor}. */
    public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
      coGroup.evictor(evictor);
      return this;
    }

    /** Keeps windows for {@code lateness} past their end, re-firing them on late records. */
    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
      coGroup.allowedLateness(lateness);
      return this;
    }

    /** As {@link #allowedLateness(Duration)}, with the lateness as a Flink {@link Time}. */
    @Deprecated
    public WithWindow<T1, T2, KEY, W> allowedLateness(Time lateness) {
      return allowedLateness(Time.toDuration(lateness));
    }

    /** Joins every pair of the same key and window with {@code function}. */
    public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
      TypeInformation<T> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(function, "apply"),
          JoinFunction.class, 0, 1, 2, input1.getType(), input2.getType(), "Join");
      return apply(function, out);
    }

    /** Joins every pair with {@code function}, producing records of {@code outputType}. */
    public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function, TypeInformation<T> outputType) {
      return coGroup.apply(new JoinCoGroup<>(DataStream.checkFunction(function, "apply")), outputType).name("Join");
    }

    /** Joins every pair of the same key and window with {@code function}, which may emit any number of records. */
    public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
      TypeInformation<T> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(function, "apply"),
          FlatJoinFunction.class, 0, 1, 2, input1.getType(), input2.getType(), "Join");
      return apply(function, out);
    }

    /** Joins every pair with {@code function}, producing records of {@code outputType}. */
    public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function, TypeInformation<T> outputType) {
      return coGroup.apply(new FlatJoinCoGroup<>(DataStream.checkFunction(function, "apply")), outputType).name("Join");
    }

    /**
     * As {@link #apply(JoinFunction)}.
     *
     * @deprecated use {@code apply}, as in Flink.
     */
    @Deprecated
    public <T> SingleOutputStreamOperator<T> with(JoinFunction<T1, T2, T> function) {
      return apply(function);
    }

    /**
     * As {@link #apply(JoinFunction, TypeInformation)}.
     *
     * @deprecated use {@code apply}, as in Flink.
     */
    @Deprecated
    public <T> SingleOutputStreamOperator<T> with(JoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
      return apply(function, resultType);
    }

    /**
     * As {@link #apply(FlatJoinFunction)}.
     *
     * @deprecated use {@code apply}, as in Flink.
     */
    @Deprecated
    public <T> SingleOutputStreamOperator<T> with(FlatJoinFunction<T1, T2, T> function) {
      return apply(function);
    }

    /**
     * As {@link #apply(FlatJoinFunction, TypeInformation)}.
     *
     * @deprecated use {@code apply}, as in Flink.
     */
    @Deprecated
    public <T> SingleOutputStreamOperator<T> with(FlatJoinFunction<T1, T2, T> function, TypeInformation<T> resultType) {
      return apply(function, resultType);
    }
  }

  /** The nested loop of a join over one key and window. */
  private static final class JoinCoGroup<T1, T2, T> extends RichLifeCycleOf<JoinFunction<T1, T2, T>>
      implements CoGroupFunction<T1, T2, T> {
    private static final long serialVersionUID = 1L;

    private final JoinFunction<T1, T2, T> function;

    JoinCoGroup(JoinFunction<T1, T2, T> function) {
      super(function);
      this.function = Objects.requireNonNull(function);
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
      for (T1 left : first) {
        for (T2 right : second) {
          out.collect(function.join(left, right));
        }
      }
    }
  }

  /** The nested loop of a flat join over one key and window. */
  private static final class FlatJoinCoGroup<T1, T2, T> extends RichLifeCycleOf<FlatJoinFunction<T1, T2, T>>
      implements CoGroupFunction<T1, T2, T> {
    private static final long serialVersionUID = 1L;

    private final FlatJoinFunction<T1, T2, T> function;

    FlatJoinCoGroup(FlatJoinFunction<T1, T2, T> function) {
      super(function);
      this.function = Objects.requireNonNull(function);
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
      for (T1 left : first) {
        for (T2 right : second) {
          function.join(left, right, out);
        }
      }
    }
  }

  /**
   * Passes the life cycle of a rich join function on to it, so that a {@code RichJoinFunction} or
   * {@code RichFlatJoinFunction} gets its runtime context and is opened and closed.
   */
  private abstract static class RichLifeCycleOf<F> extends io.spate.api.functions.AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    private final F wrapped;

    RichLifeCycleOf(F wrapped) {
      this.wrapped = wrapped;
    }

    @Override
    public void setRuntimeContext(io.spate.api.functions.RuntimeContext context) {
      super.setRuntimeContext(context);
      if (wrapped instanceof io.spate.api.functions.RichFunction rich) {
        rich.setRuntimeContext(context);
      }
    }

    @Override
    public void open(io.spate.api.functions.OpenContext openContext) throws Exception {
      if (wrapped instanceof io.spate.api.functions.RichFunction rich) {
        rich.open(openContext);
      }
    }

    @Override
    public void close() throws Exception {
      if (wrapped instanceof io.spate.api.functions.RichFunction rich) {
        rich.close();
      }
    }
  }
}
