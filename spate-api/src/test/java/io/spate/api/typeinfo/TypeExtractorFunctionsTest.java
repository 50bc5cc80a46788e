package io.spate.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.CoGroupFunction;
import io.spate.api.functions.Collector;
import io.spate.api.functions.FlatJoinFunction;
import io.spate.api.functions.FlatMapFunction;
import io.spate.api.functions.JoinFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.MapFunction;
import io.spate.api.functions.Partitioner;
import io.spate.api.tuple.Tuple2;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flink's static TypeExtractor methods find the types of functions as Flink's do. */
class TypeExtractorFunctionsTest {

  static final class Length implements MapFunction<String, Integer> {
    @Override
    public Integer map(String value) {
      return value.length();
    }
  }

  static final class Words implements FlatMapFunction<String, Tuple2<String, Long>> {
    @Override
    public void flatMap(String value, Collector<Tuple2<String, Long>> out) {
      out.collect(Tuple2.of(value, 1L));
    }
  }

  static final class Average implements AggregateFunction<Integer, Tuple2<Long, Long>, Double> {
    @Override
    public Tuple2<Long, Long> createAccumulator() {
      return Tuple2.of(0L, 0L);
    }

    @Override
    public Tuple2<Long, Long> add(Integer value, Tuple2<Long, Long> acc) {
      return Tuple2.of(acc.f0 + value, acc.f1 + 1);
    }

    @Override
    public Double getResult(Tuple2<Long, Long> acc) {
      return (double) acc.f0 / acc.f1;
    }

    @Override
    public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
      return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
    }
  }

  static final class Pairs implements JoinFunction<String, Integer, Tuple2<String, Integer>> {
    @Override
    public Tuple2<String, Integer> join(String first, Integer second) {
      return Tuple2.of(first, second);
    }
  }

  static final class FlatPairs implements FlatJoinFunction<String, Integer, List<String>> {
    @Override
    public void join(String first, Integer second, Collector<List<String>> out) {
      out.collect(List.of(first));
    }
  }

  static final class Counts implements CoGroupFunction<String, Integer, Long> {
    @Override
    public void coGroup(Iterable<String> first, Iterable<Integer> second, Collector<Long> out) {
      out.collect(0L);
    }
  }

  static final class ByLength implements KeySelector<String, Integer> {
    @Override
    public Integer getKey(String value) {
      return value.length();
    }
  }

  static final class Modulo implements Partitioner<Long> {
    @Override
    public int partition(Long key, int numPartitions) {
      return (int) (key % numPartitions);
    }
  }

  /** Passes its input type through, so its output type comes from the input. */
  static final class Identity<T> implements MapFunction<T, T> {
    @Override
    public T map(T value) {
      return value;
    }
  }

  @Test
  void eachFunctionKindGivesItsDeclaredTypes() {
    assertThat(TypeExtractor.getMapReturnTypes(new Length(), Types.STRING)).isEqualTo(Types.INT);
    assertThat(TypeExtractor.getFlatMapReturnTypes(new Words(), Types.STRING))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    assertThat(TypeExtractor.getAggregateFunctionAccumulatorType(new Average(), Types.INT, "avg", false))
        .isEqualTo(Types.TUPLE(Types.LONG, Types.LONG));
    assertThat(TypeExtractor.getAggregateFunctionReturnType(new Average(), Types.INT, "avg", false))
        .isEqualTo(Types.DOUBLE);
    assertThat(TypeExtractor.getJoinReturnTypes(new Pairs(), Types.STRING, Types.INT))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    assertThat(TypeExtractor.getFlatJoinReturnTypes(new FlatPairs(), Types.STRING, Types.INT))
        .isEqualTo(Types.LIST(Types.STRING));
    assertThat(TypeExtractor.getCoGroupReturnTypes(new Counts(), Types.STRING, Types.INT)).isEqualTo(Types.LONG);
    assertThat(TypeExtractor.getKeySelectorTypes(new ByLength(), Types.STRING)).isEqualTo(Types.INT);
    assertThat(TypeExtractor.getPartitionerTypes(new Modulo())).isEqualTo(Types.LONG);
    assertThat(TypeExtractor.<Double, Double>getUnaryOperatorReturnType(
        new Identity<Double>(), MapFunction.class, 0, 1, new int[] {1}, Types.DOUBLE, "identity", false))
        .isEqualTo(Types.DOUBLE);
    assertThat(TypeExtractor.<String, Integer, Tuple2<String, Integer>>getBinaryOperatorReturnType(
        new Pairs(), JoinFunction.class, 0, 1, 2, new int[0], Types.STRING, Types.INT, "pairs", false))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
  }

  @Test
  void aTypeThatCannotBeFoundFailsOrIsMissingAsAsked() {
    Identity<String> identity = new Identity<>();
    assertThat(TypeExtractor.getMapReturnTypes(identity, null, "identity", true)).isInstanceOf(MissingTypeInfo.class);
    assertThatThrownBy(() -> TypeExtractor.getMapReturnTypes(identity, null))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("could not be determined");
  }

  @Test
  void typeArgumentsAreFoundThroughTheHierarchy() {
    assertThat(TypeExtractor.getParameterType(MapFunction.class, Length.class, 1)).isEqualTo(Integer.class);
    assertThat(TypeExtractor.<Integer>createTypeInfo(new Length(), MapFunction.class, Length.class, 1))
        .isEqualTo(Types.INT);
    assertThat(TypeExtractor.createTypeInfo(AggregateFunction.class, Average.class, 1, null, null))
        .isEqualTo(Types.TUPLE(Types.LONG, Types.LONG));
    assertThatThrownBy(() -> TypeExtractor.createTypeInfo(MapFunction.class, Identity.class, 1, null, null))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("leaves type parameter T");
    assertThatThrownBy(() -> TypeExtractor.getParameterType(MapFunction.class, Length.class, 2))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("none at position 2");
    assertThatThrownBy(() -> TypeExtractor.getParameterType(KeySelector.class, Length.class, 0))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("does not extend");
  }

  record Point(int x, int y) {}

  static class Base {
    public String name;
    transient int cached;
    static int instances;
  }

  static class Child extends Base {
    public long id;
  }

  static class Clash extends Base {
    public String name;
  }

  @Test
  void fieldsAreListedAcrossTheHierarchy() {
    assertThat(TypeExtractor.isRecord(Point.class)).isTrue();
    assertThat(TypeExtractor.isRecord(Base.class)).isFalse();
    assertThat(TypeExtractor.getAllDeclaredFields(Child.class, false)).extracting(Field::getName)
        .containsExactly("id", "name");
    assertThat(TypeExtractor.getDeclaredField(Child.class, "name").getDeclaringClass()).isEqualTo(Base.class);
    assertThat(TypeExtractor.getDeclaredField(Child.class, "cached")).isNull();
    assertThat(TypeExtractor.getAllDeclaredFields(Clash.class, true)).extracting(Field::getDeclaringClass)
        .containsExactly(Clash.class);
    assertThatThrownBy(() -> TypeExtractor.getAllDeclaredFields(Clash.class, false))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("name")
        .hasMessageContaining(Base.class.getName());
  }
}
