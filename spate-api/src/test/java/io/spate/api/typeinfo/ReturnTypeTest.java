package io.spate.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.typeinfo.TestTypes.Bid;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Output types of user functions: classes, anonymous classes, lambdas and method references. */
class ReturnTypeTest {

  // Function types shaped like the DataStream API's, so that this test depends on nothing else.

  interface Function extends Serializable {}

  @FunctionalInterface
  interface MapFn<IN, OUT> extends Function {
    OUT map(IN value) throws Exception;
  }

  interface Collector<T> {
    void collect(T record);
  }

  @FunctionalInterface
  interface FlatMapFn<IN, OUT> extends Function {
    void flatMap(IN value, Collector<OUT> out) throws Exception;
  }

  @FunctionalInterface
  interface KeySel<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
  }

  @FunctionalInterface
  interface ReduceFn<T> extends Function {
    T reduce(T first, T second) throws Exception;
  }

  interface CoMapFn<IN1, IN2, OUT> extends Function {
    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
  }

  abstract static class RichMapFn<IN, OUT> implements MapFn<IN, OUT> {}

  abstract static class ProcessFn<I, O> implements Function {
    abstract void processElement(I value, Object context, Collector<O> out) throws Exception;
  }

  interface StringLengths extends MapFn<String, Integer> {}

  static class Identity<T> implements MapFn<T, T> {
    @Override
    public T map(T value) {
      return value;
    }
  }

  static class Wrap<T> extends RichMapFn<T, List<T>> {
    @Override
    public List<T> map(T value) {
      return List.of(value);
    }
  }

  static class Tokenizer implements FlatMapFn<String, String> {
    @Override
    public void flatMap(String value, Collector<String> out) {
      for (String token : value.split(" ")) {
        out.collect(token);
      }
    }
  }

  @SuppressWarnings("rawtypes")
  static class RawMap implements MapFn {
    @Override
    public Object map(Object value) {
      return value;
    }
  }

  static class Generator<T> implements MapFn<String, T> {
    @Override
    public T map(String value) {
      return null;
    }
  }

  static class ToObject implements MapFn<String, Object> {
    @Override
    public Object map(String value) {
      return value;
    }
  }

  static class Either<A> implements CoMapFn<A, A, List<A>> {
    @Override
    public List<A> map1(A value) {
      return List.of(value);
    }

    @Override
    public List<A> map2(A value) {
      return List.of(value);
    }
  }

  record Named(String name) {}

  record Holder<T>(T value) {}

  static <T> List<T> listOf(T value) {
    return List.of(value);
  }

  static Map<String, Long> counts(String text) {
    return Map.of(text, 1L);
  }

  static void split(String text, Collector<Bid> out) {}

  static <T> MapFn<T, T> genericLambda() {
    return value -> value;
  }

  static <T> MapFn<T, List<T>> anonymousInGenericMethod() {
    return new MapFn<T, List<T>>() {
      @Override
      public List<T> map(T value) {
        return List.of(value);
      }
    };
  }

  private final String suffix = "!";

  private static TypeInformation<?> map(Object function, TypeInformation<?> input) {
    return TypeExtractor.getUnaryReturnType(function, MapFn.class, 0, 1, input, "Map");
  }

  private static final TypeInformation<Bid> BID = TypeInformation.of(Bid.class);

  @Test
  void anonymousClasses() {
    MapFn<String, Integer> length =
        new MapFn<>() {
          @Override
          public Integer map(String value) {
            return value.length();
          }
        };
    assertThat(map(length, Types.STRING)).isEqualTo(Types.INT);

    RichMapFn<String, List<Bid>> rich =
        new RichMapFn<>() {
          @Override
          public List<Bid> map(String value) {
            return List.of();
          }
        };
    assertThat(map(rich, Types.STRING)).isEqualTo(Types.LIST(BID));

    ProcessFn<String, Long> process =
        new ProcessFn<>() {
          @Override
          void processElement(String value, Object context, Collector<Long> out) {}
        };
    assertThat(
            TypeExtractor.<Long>getUnaryReturnType(process, ProcessFn.class, 0, 1, Types.STRING, "Process"))
        .isEqualTo(Types.LONG);
  }

  @Test
  void genericClassesTakeTheirTypeFromTheInput() {
    assertThat(map(new Identity<>(), Types.STRING)).isEqualTo(Types.STRING);
    assertThat(map(new Identity<>(), BID)).isEqualTo(BID);
    assertThat(map(new Wrap<>(), Types.INT)).isEqualTo(Types.LIST(Types.INT));
    assertThat(
            TypeExtractor.getUnaryReturnType(new Tokenizer(), FlatMapFn.class, 0, 1, Types.STRING, "FlatMap"))
        .isEqualTo(Types.STRING);
    assertThat(map(anonymousInGenericMethod(), BID)).isEqualTo(Types.LIST(BID));
    MissingTypeInfo<Object> upstream = new MissingTypeInfo<>("Source", "it was not given");
    assertThat(map(new Identity<>(), upstream)).isSameAs(upstream);
    assertThat(map(new Wrap<>(), upstream))
        .as("an output built from a missing input is reported as that input")
        .isSameAs(upstream);
  }

  @Test
  void twoInputFunctions() {
    CoMapFn<String, Long, Bid> coMap =
        new CoMapFn<>() {
          @Override
          public Bid map1(String value) {
            return null;
          }

          @Override
          public Bid map2(Long value) {
            return null;
          }
        };
    assertThat(
            TypeExtractor.getBinaryReturnType(
                coMap, CoMapFn.class, 0, 1, 2, Types.STRING, Types.LONG, "CoMap"))
        .isEqualTo(BID);
    assertThat(
            TypeExtractor.getBinaryReturnType(
                new Either<>(), CoMapFn.class, 0, 1, 2, Types.STRING, Types.STRING, "CoMap"))
        .isEqualTo(Types.LIST(Types.STRING));
  }

  @Test
  void lambdas() {
    MapFn<String, Integer> length = value -> value.length();
    assertThat(map(length, Types.STRING)).isEqualTo(Types.INT);

    KeySel<Bid, Long> auction = bid -> bid.auction();
    assertThat(TypeExtractor.getUnaryReturnType(auction, KeySel.class, 0, 1, BID, "KeyBy"))
        .isEqualTo(Types.LONG);

    ReduceFn<Integer> sum = (a, b) -> a + b;
    assertThat(TypeExtractor.getUnaryReturnType(sum, ReduceFn.class, 0, 0, Types.INT, "Reduce"))
        .isEqualTo(Types.INT);

    MapFn<String, String> capturing = value -> value + suffix;
    assertThat(map(capturing, Types.STRING)).isEqualTo(Types.STRING);

    StringLengths viaSubInterface = value -> value.length();
    assertThat(map(viaSubInterface, Types.STRING)).isEqualTo(Types.INT);

    MapFn<String, Named> record = value -> new Named(value);
    assertThat(map(record, Types.STRING)).isEqualTo(TypeInformation.of(Named.class));
  }

  @Test
  void methodReferences() {
    KeySel<Bid, Long> auction = Bid::auction;
    assertThat(TypeExtractor.getUnaryReturnType(auction, KeySel.class, 0, 1, BID, "KeyBy"))
        .isEqualTo(Types.LONG);

    MapFn<String, Integer> length = String::length;
    assertThat(map(length, Types.STRING)).isEqualTo(Types.INT);

    MapFn<String, List<String>> generic = ReturnTypeTest::listOf;
    assertThat(map(generic, Types.STRING)).isEqualTo(Types.LIST(Types.STRING));

    MapFn<String, Map<String, Long>> counts = ReturnTypeTest::counts;
    assertThat(map(counts, Types.STRING)).isEqualTo(Types.MAP(Types.STRING, Types.LONG));

    MapFn<String, Named> constructor = Named::new;
    assertThat(map(constructor, Types.STRING)).isEqualTo(TypeInformation.of(Named.class));

    MapFn<Bid, Holder<Bid>> genericConstructor = Holder::new;
    assertThat(map(genericConstructor, BID).toString())
        .isEqualTo("Record(Holder){value: " + BID + "}");

    MapFn<String, String> bound = "prefix-"::concat;
    assertThat(map(bound, Types.STRING)).isEqualTo(Types.STRING);

    MapFn<Optional<Bid>, Bid> unwrap = Optional::get;
    assertThat(map(unwrap, Types.OPTIONAL(BID))).isEqualTo(BID);

    FlatMapFn<String, Bid> splitter = ReturnTypeTest::split;
    assertThat(TypeExtractor.getUnaryReturnType(splitter, FlatMapFn.class, 0, 1, Types.STRING, "FlatMap"))
        .as("a real method keeps the generic type of its Collector parameter")
        .isEqualTo(BID);
  }

  @Test
  void lambdaReturningAGenericTypeIsReportedMissingWithTheFix() {
    MapFn<String, List<String>> toList = value -> List.of(value);
    TypeInformation<?> result = map(toList, Types.STRING);
    assertThat(result).isInstanceOf(MissingTypeInfo.class);
    MissingTypeInfo<?> missing = (MissingTypeInfo<?>) result;
    assertThat(missing.getOperatorName()).isEqualTo("Map");
    assertThat(missing.getReason())
        .isEqualTo("the lambda returns java.util.List, whose type arguments the Java compiler erases"
            + " from lambda bodies");
    assertThat(missing.describeProblem())
        .isEqualTo("The return type of operator 'Map' could not be determined automatically,"
            + " because the lambda returns java.util.List, whose type arguments the Java compiler"
            + " erases from lambda bodies. Give it explicitly, for example"
            + " `.returns(Types.LIST(Types.STRING))` or `.returns(new TypeHint<List<String>>(){})`.");
    assertThatThrownBy(missing::createSerializer)
        .isInstanceOf(InvalidTypesException.class)
        .hasMessage(missing.describeProblem());
    assertThatThrownBy(missing::getTypeClass).hasMessage(missing.describeProblem());
    assertThatThrownBy(missing::checkValidKey).hasMessage(missing.describeProblem());
    assertThatThrownBy(() -> missing.fieldAccessor("x")).hasMessage(missing.describeProblem());
    assertThat(missing.toString()).contains("Map");
  }

  @Test
  void otherUndeterminableOutputsAreReportedMissing() {
    FlatMapFn<String, String> flatMap = (value, out) -> out.collect(value);
    MissingTypeInfo<?> collector =
        (MissingTypeInfo<?>)
            TypeExtractor.getUnaryReturnType(flatMap, FlatMapFn.class, 0, 1, Types.STRING, "Flat Map (line 7)");
    assertThat(collector.getReason())
        .contains("emits its output through a parameter of type")
        .contains("Collector<OUT>")
        .contains("erases");
    assertThat(collector.describeProblem()).startsWith("The return type of operator 'Flat Map (line 7)'");

    assertThat(((MissingTypeInfo<?>) map(new RawMap(), Types.STRING)).getReason())
        .contains("implements " + MapFn.class.getName() + " as a raw type");
    assertThat(((MissingTypeInfo<?>) map(new Generator<String>(), Types.STRING)).getReason())
        .isEqualTo("the type variable T of class " + Generator.class.getName()
            + " is not bound to a concrete type");
    assertThat(((MissingTypeInfo<?>) map(new ToObject(), Types.STRING)).getReason())
        .startsWith("type java.lang.Object says nothing about the values");
    assertThat(((MissingTypeInfo<?>) map(genericLambda(), Types.STRING)).getReason())
        .contains("erased to java.lang.Object");
    MapFn<String, TestTypes.Supplier> notPojo = value -> new TestTypes.Supplier(value);
    assertThat(((MissingTypeInfo<?>) map(notPojo, Types.STRING)).getReason())
        .endsWith("is not a POJO: it has no public no-arg constructor");
  }

  @Test
  void misuseOfTheApiIsAnError() {
    assertThatThrownBy(() -> map("not a function", Types.STRING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a " + MapFn.class.getName());
    assertThatThrownBy(
            () -> TypeExtractor.getUnaryReturnType(new Identity<>(), MapFn.class, 0, 2, Types.STRING, "Map"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
