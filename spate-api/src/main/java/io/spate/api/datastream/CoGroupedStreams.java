package io.spate.api.datastream;

import io.spate.api.annotation.Public;
import io.spate.api.common.InvalidProgramException;
import io.spate.api.functions.CoGroupFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.MapFunction;
import io.spate.api.typeinfo.MissingTypeInfo;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.time.Time;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two streams to co-group per key and window: {@code a.coGroup(b).where(keyA).equalTo(keyB)
 * .window(assigner).apply(coGroupFunction)}. For each key and window the function sees all records
 * of both sides, either of which may be empty.
 *
 * @param <T1> the type of the first input
 * @param <T2> the type of the second input
 */
@Public
public class CoGroupedStreams<T1, T2> {

  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  /** The co-group of {@code input1} and {@code input2}. */
  public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    this.input1 = Objects.requireNonNull(input1, "input1");
    this.input2 = Objects.requireNonNull(input2, "input2");
  }

  /** The key of the first input. */
  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    TypeInformation<KEY> keyType = TypeExtractor.getUnaryReturnType(
        DataStream.checkFunction(keySelector, "where"), KeySelector.class, 0, 1, input1.getType(), "Key Selector");
    return where(keySelector, keyType);
  }

  /** The key of the first input, of the given type. */
  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector, TypeInformation<KEY> keyType) {
    return new Where<>(DataStream.checkFunction(keySelector, "where"), Objects.requireNonNull(keyType, "keyType"));
  }

  /**
   * The co-group with the key of the first input chosen.
   *
   * @param <KEY> the key type
   */
  public class Where<KEY> {

    private final KeySelector<T1, KEY> keySelector1;
    private final TypeInformation<KEY> keyType;

    Where(KeySelector<T1, KEY> keySelector1, TypeInformation<KEY> keyType) {
      this.keySelector1 = keySelector1;
      this.keyType = keyType;
    }

    /** The key of the second input; it must have the type of the first input's key. */
    public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
      TypeInformation<KEY> otherKeyType = TypeExtractor.getUnaryReturnType(
          DataStream.checkFunction(keySelector, "equalTo"), KeySelector.class, 0, 1, input2.getType(), "Key Selector");
      return equalTo(keySelector, otherKeyType);
    }

    /** The key of the second input, of the given type, which must be the first input's key type. */
    public EqualTo equalTo(KeySelector<T2, KEY> keySelector, TypeInformation<KEY> otherKeyType) {
      checkSameKeyType(keyType, otherKeyType);
      return new EqualTo(DataStream.checkFunction(keySelector, "equalTo"));
    }

    /** The co-group with both keys chosen; next comes the window. */
    public class EqualTo {

      private final KeySelector<T2, KEY> keySelector2;

      EqualTo(KeySelector<T2, KEY> keySelector2) {
        this.keySelector2 = keySelector2;
      }

      /** Co-groups in the windows of {@code assigner}. */
      public <W extends Window> WithWindow<T1, T2, KEY, W> window(
          WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
        return new WithWindow<>(input1, input2, keySelector1, keySelector2, keyType,
            Objects.requireNonNull(assigner, "The window assigner must not be null."));
      }
    }
  }

  static void checkSameKeyType(TypeInformation<?> first, TypeInformation<?> second) {
    if (first instanceof MissingTypeInfo || second instanceof MissingTypeInfo) {
      return; // reported when the key is used, with the reason the type is unknown
    }
    if (!first.getTypeClass().equals(second.getTypeClass())) {
      throw new InvalidProgramException("The keys of the two inputs must have the same type, but where(...) gives "
          + first + " and equalTo(...) gives " + second + ".");
    }
  }

  /**
   * A co-group with keys and window chosen: set a trigger, evictor or allowed lateness, then apply
   * the function.
   *
   * @param <T1> the type of the first input
   * @param <T2> the type of the second input
   * @param <KEY> the key type
   * @param <W> the window type
   */
  public static class WithWindow<T1, T2, KEY, W extends Window> {

    private final DataStream<T1> input1;
    private final DataStream<T2> input2;
    private final KeySelector<T1, KEY> keySelector1;
    private final KeySelector<T2, KEY> keySelector2;
    private final TypeInformation<KEY> keyType;
    private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
    private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
    private Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
    private Duration allowedLateness;

    WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> keySelector1,
        KeySelector<T2, KEY> keySelector2, TypeInformation<KEY> keyType,
        WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
      this.input1 = input1;
      this.input2 = input2;
      this.keySelector1 = keySelector1;
      this.keySelector2 = keySelector2;
      this.keyType = keyType;
      this.assigner = assigner;
    }

    /** Fires the windows per {@code trigger} instead of the assigner's default. */
    public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
      this.trigger = Objects.requireNonNull(trigger, "The trigger must not be null.");
      return this;
    }

    /** Evicts records from the windows per {@code evictor}. */
    public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
      this.evictor = Objects.requireNonNull(evictor, "The evictor must not be null.");
      return this;
    }

    /** Keeps windows for {@code lateness} past their end, re-firing them on late records. */
    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
      this.allowedLateness = Objects.requireNonNull(lateness, "The allowed lateness must not be null.");
      return this;
    }

    /** As {@link #allowedLateness(Duration)}, with the lateness as a Flink {@link Time}. */
    @Deprecated
    public WithWindow<T1, T2, KEY, W> allowedLateness(Time lateness) {
      return allowedLateness(Time.toDuration(lateness));
    }

    /** Co-groups each key's records of both inputs in each window with {@code function}. */
    public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
      TypeInformation<T> out = TypeExtractor.getBinaryReturnType(DataStream.checkFunction(function, "apply"),
          CoGroupFunction.class, 0, 1, 2, input1.getType(), input2.getType(), "CoGroup");
      return apply(function, out);
    }

    /** Co-groups with {@code function}, producing records of {@code outputType}. */
    public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function, TypeInformation<T> outputType) {
      DataStream.checkFunction(function, "apply");
      TypeInformation<TaggedUnion<T1, T2>> unionType = new TaggedUnionTypeInfo<>(input1.getType(), input2.getType());
      DataStream<TaggedUnion<T1, T2>> tagged1 = input1.map(new TagFirst<T1, T2>(), unionType).name("Tag First");
      DataStream<TaggedUnion<T1, T2>> tagged2 = input2.map(new TagSecond<T1, T2>(), unionType).name("Tag Second");
      WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed = tagged1.union(tagged2)
          .keyBy(new UnionKeySelector<>(keySelector1, keySelector2), keyType)
          .window(assigner);
      if (trigger != null) {
        windowed.trigger(trigger);
      }
      if (evictor != null) {
        windowed.evictor(evictor);
      }
      if (allowedLateness != null) {
        windowed.allowedLateness(allowedLateness);
      }
      return windowed.process(new CoGroupWindowFunction<>(function), outputType);
    }

    /**
     * As {@link #apply(CoGroupFunction)}.
     *
     * @deprecated use {@code apply}, as in Flink.
     */
    @Deprecated
    public <T> SingleOutputStreamOperator<T> with(CoGroupFunction<T1, T2, T> function) {
      return apply(function);
    }

    /**
     * As {@link #apply(CoGroupFunction, TypeInformation)}.
     *
     * @deprecated use {@code apply}, as in Flink.
     */
    @Deprecated
    public <T> SingleOutputStreamOperator<T> with(CoGroupFunction<T1, T2, T> function, TypeInformation<T> resultType) {
      return apply(function, resultType);
    }
  }

  /** Tags a record of the first input. */
  private static final class TagFirst<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T1 value) {
      return TaggedUnion.one(value);
    }
  }

  /** Tags a record of the second input. */
  private static final class TagSecond<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T2 value) {
      return TaggedUnion.two(value);
    }
  }

  /** The key of a tagged record, by the key selector of its side. */
  private static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
    private static final long serialVersionUID = 1L;

    private final KeySelector<T1, KEY> keySelector1;
    private final KeySelector<T2, KEY> keySelector2;

    UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
      this.keySelector1 = keySelector1;
      this.keySelector2 = keySelector2;
    }

    @Override
    public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
      return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
    }
  }

  /** Splits a window's tagged records by side and hands both to the co-group function. */
  private static final class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window>
      extends WrappingWindowFunction<TaggedUnion<T1, T2>, T, KEY, W, CoGroupFunction<T1, T2, T>> {
    private static final long serialVersionUID = 1L;

    CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
      super(function);
    }

    @Override
    public void process(KEY key, Context context, Iterable<TaggedUnion<T1, T2>> elements,
        Collector<T> out) throws Exception {
      List<T1> first = new ArrayList<>();
      List<T2> second = new ArrayList<>();
      for (TaggedUnion<T1, T2> element : elements) {
        if (element.isOne()) {
          first.add(element.getOne());
        } else {
          second.add(element.getTwo());
        }
      }
      wrapped.coGroup(first, second, out);
    }
  }
}
