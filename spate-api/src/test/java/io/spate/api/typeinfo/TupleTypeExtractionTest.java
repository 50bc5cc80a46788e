package io.spate.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.functions.MapFunction;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.SerializationTesting;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.tuple.Tuple;
import io.spate.api.tuple.Tuple1;
import io.spate.api.tuple.Tuple2;
import io.spate.api.tuple.Tuple3;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Type information of tuples: from Types, TypeHints, classes, values and user functions; field access. */
class TupleTypeExtractionTest {

  /** A tuple subclass that binds its type arguments, as Flink programs declare them. */
  public static class WordCount extends Tuple2<String, Integer> {
    public WordCount() {}
  }

  /** A subclass of a tuple with a field of its own: a POJO, not a tuple. */
  public static class Tagged extends Tuple2<String, Integer> {
    public String tag;

    public Tagged() {}
  }

  /** A generic tuple subclass whose type argument comes from its use. */
  public static class Twice<A> extends Tuple2<A, A> {
    public Twice() {}
  }

  /** Holds a tuple field, so that a tuple is derived as a POJO's field. */
  public static class Holder {
    public Tuple2<String, List<Long>> pair;
    public int n;
  }

  static Tuple2<String, Integer> toPair(String word) {
    return Tuple2.of(word, 1);
  }

  @Test
  void typesTupleAndTheConstructorDescribeTheSameTuple() {
    TypeInformation<Tuple2<String, Integer>> pair = Types.TUPLE(Types.STRING, Types.INT);
    assertThat(pair).isEqualTo(new TupleTypeInfo<Tuple2<String, Integer>>(Types.STRING, Types.INT))
        .hasSameHashCodeAs(new TupleTypeInfo<Tuple2<String, Integer>>(Types.STRING, Types.INT))
        .isNotEqualTo(Types.TUPLE(Types.INT, Types.STRING));
    assertThat(pair.getTypeClass()).isEqualTo(Tuple2.class);
    assertThat(pair).hasToString("Java Tuple2<String, Integer>");
    TupleTypeInfo<?> info = (TupleTypeInfo<?>) pair;
    assertThat(info.getArity()).isEqualTo(2);
    assertThat(info.getFieldNames()).containsExactly("f0", "f1");
    assertThat(info.getFieldIndex("f1")).isEqualTo(1);
    assertThat(info.getFieldType(1)).isEqualTo(Types.INT);
    assertThat(info.getTypeArguments()).containsExactly(Types.STRING, Types.INT);
  }

  @Test
  void aTypeHintAndAClassOfAParameterizedSubclassGiveTupleTypes() {
    assertThat(new TypeHint<Tuple2<String, Integer>>() {}.getTypeInfo())
        .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    assertThat(TypeInformation.of(new TypeHint<Tuple3<Long, List<String>, Tuple1<Double>>>() {}))
        .isEqualTo(Types.TUPLE(Types.LONG, Types.LIST(Types.STRING), Types.TUPLE(Types.DOUBLE)));
    TypeInformation<WordCount> wordCount = Types.TUPLE(WordCount.class);
    assertThat(wordCount).isInstanceOf(TupleTypeInfo.class);
    assertThat(wordCount.getTypeClass()).isEqualTo(WordCount.class);
    assertThat(((TupleTypeInfo<?>) wordCount).getFieldType(0)).isEqualTo(Types.STRING);
    assertThat(TypeInformation.of(new TypeHint<Twice<Long>>() {}))
        .isEqualTo(new TupleTypeInfo<>(Twice.class, Types.LONG, Types.LONG));
    TypeInformation<Holder> holder = TypeInformation.of(Holder.class);
    assertThat(((PojoTypeInfo<Holder>) holder).getFieldType("pair"))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.LIST(Types.LONG)));
  }

  @Test
  void aTupleSubclassWithFieldsOfItsOwnIsAPojo() {
    assertThat(TypeInformation.of(Tagged.class)).isInstanceOf(PojoTypeInfo.class);
    assertThatThrownBy(() -> Types.TUPLE(Tagged.class)).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("declares fields of its own").hasMessageContaining("Types.POJO(Tagged.class)");
  }

  @Test
  void aRawTupleClassFailsSayingHowToGiveTheFieldTypes() {
    assertThatThrownBy(() -> TypeInformation.of(Tuple2.class)).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("Tuple2 is a tuple class without its type arguments")
        .hasMessageContaining("Types.TUPLE(Types.STRING, Types.INT)");
    assertThatThrownBy(() -> TypeInformation.of(Tuple.class)).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("abstract base of the tuples");
  }

  @Test
  void aTupleValueGivesItsTypeFromItsFieldsAndANullFieldIsNamed() {
    assertThat(TypeExtractor.getForObject(Tuple2.of("a", Tuple2.of(1L, List.of(true)))))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.TUPLE(Types.LONG, Types.LIST(Types.BOOLEAN))));
    assertThatThrownBy(() -> TypeExtractor.getForObject(Tuple2.of("a", null)))
        .isInstanceOf(InvalidTypesException.class).hasMessageContaining("'f1'")
        .hasMessageContaining("Types.TUPLE");
  }

  @Test
  void aLambdaThatReturnsATupleNeedsReturnsWhileAMethodReferenceKeepsTheTypeArguments() {
    MapFunction<String, Tuple2<String, Integer>> lambda = word -> Tuple2.of(word, 1);
    TypeInformation<Tuple2<String, Integer>> erased =
        TypeExtractor.getUnaryReturnType(lambda, MapFunction.class, 0, 1, Types.STRING, "Map");
    assertThat(erased).isInstanceOf(MissingTypeInfo.class);
    assertThat(((MissingTypeInfo<?>) erased).describeProblem())
        .contains("Tuple2").contains("erases").contains(".returns(");

    MapFunction<String, Tuple2<String, Integer>> reference = TupleTypeExtractionTest::toPair;
    assertThat(TypeExtractor.<Tuple2<String, Integer>>getUnaryReturnType(reference, MapFunction.class, 0, 1, Types.STRING, "Map"))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));

    MapFunction<String, Tuple2<String, Integer>> anonymous = new MapFunction<>() {
      @Override
      public Tuple2<String, Integer> map(String word) {
        return Tuple2.of(word, 1);
      }
    };
    assertThat(TypeExtractor.<Tuple2<String, Integer>>getUnaryReturnType(anonymous, MapFunction.class, 0, 1, Types.STRING, "Map"))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
  }

  @Test
  void aGenericFunctionBindsItsTypeVariablesFromATupleInput() {
    TypeInformation<Tuple2<String, Long>> input = Types.TUPLE(Types.STRING, Types.LONG);
    TypeInformation<Long> second = TypeExtractor.getUnaryReturnType(
        new SecondField<String, Long>(), MapFunction.class, 0, 1, input, "Map");
    assertThat(second).isEqualTo(Types.LONG);
  }

  /** A function generic in the tuple's field types, which only the input type binds. */
  static final class SecondField<A, B> implements MapFunction<Tuple2<A, B>, B> {
    @Override
    public B map(Tuple2<A, B> value) {
      return value.f1;
    }
  }

  @Test
  void fieldsAreReachedByPositionByNameAndByNestedExpressionsAndUpdatedInPlace() {
    TypeInformation<Tuple2<String, Tuple2<Integer, Long>>> type =
        Types.TUPLE(Types.STRING, Types.TUPLE(Types.INT, Types.LONG));
    Tuple2<String, Tuple2<Integer, Long>> value = Tuple2.of("k", Tuple2.of(3, 4L));

    FieldAccessor<Tuple2<String, Tuple2<Integer, Long>>, String> first = type.fieldAccessor(0);
    assertThat(first.get(value)).isEqualTo("k");
    assertThat(first.set(value, "j")).isSameAs(value);
    assertThat(value.f0).isEqualTo("j");

    FieldAccessor<Tuple2<String, Tuple2<Integer, Long>>, Long> nested = type.fieldAccessor("f1.f1");
    assertThat(nested.get(value)).isEqualTo(4L);
    assertThat(nested.getFieldType()).isEqualTo(Types.LONG);
    nested.set(value, 40L);
    assertThat(value.f1.f1).isEqualTo(40L);
    assertThat(type.<Integer>fieldAccessor("f1").getFieldType()).isEqualTo(Types.TUPLE(Types.INT, Types.LONG));

    assertThatThrownBy(() -> type.fieldAccessor(2)).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("no field at position 2").hasMessageContaining("0 to 1");
    assertThatThrownBy(() -> type.fieldAccessor("f2")).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("no field 'f2'").hasMessageContaining("f0, f1");
    assertThatThrownBy(() -> type.fieldAccessor("f1.f5")).isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("f1.f5");
  }

  @Test
  void aTupleIsAValidKeyWhenItsFieldsAre() {
    Types.TUPLE(Types.STRING, Types.TUPLE(Types.INT)).checkValidKey();
    assertThatThrownBy(() -> Types.TUPLE(Types.STRING, Types.EITHER(Types.INT, Types.LONG)).checkValidKey())
        .isInstanceOf(InvalidTypesException.class).hasMessageContaining("f1").hasMessageContaining("Either");
  }

  @Test
  void aClassThatIsNoTupleOrHasAnotherArityIsRejected() {
    assertThatThrownBy(() -> new TupleTypeInfo<>(Tuple2.class, Types.INT))
        .isInstanceOf(InvalidTypesException.class).hasMessageContaining("has 2 fields, but 1 field types");
    assertThatThrownBy(() -> Types.TUPLE(new TypeInformation<?>[26])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arity 26");
  }

  @Test
  void flinksShapeQuestionsAnswerAsFlinkDoes() {
    TypeInformation<Tuple2<String, Tuple2<Integer, Long>>> nested =
        Types.TUPLE(Types.STRING, Types.TUPLE(Types.INT, Types.LONG));
    assertThat(nested.isTupleType()).isTrue();
    assertThat(nested.getArity()).isEqualTo(2);
    assertThat(nested.getTotalFields()).isEqualTo(3);
    assertThat(nested.isKeyType()).isTrue();
    assertThat(Types.STRING.isTupleType()).isFalse();
    assertThat(Types.STRING.getArity()).isEqualTo(1);
    assertThat(Types.EITHER(Types.INT, Types.INT).isKeyType()).isFalse();
    assertThat(TupleTypeInfo.getBasicTupleTypeInfo(String.class, Integer.class))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    assertThatThrownBy(() -> TupleTypeInfo.getBasicTupleTypeInfo(String.class, List.class))
        .isInstanceOf(InvalidTypesException.class).hasMessageContaining("Field 1").hasMessageContaining("java.util.List");
    assertThat(TypeExtractor.getForClass(String.class)).isEqualTo(Types.STRING);
    assertThat(nested.createSerializer(new io.spate.api.serialization.SerializerConfig()))
        .isEqualTo(nested.createSerializer());
  }

  @Test
  void aTupleSubclassRoundTripsAsItselfAndItsSerializerRejectsOtherTupleClasses() throws Exception {
    TypeSerializer<WordCount> serializer = Types.TUPLE(WordCount.class).createSerializer();
    WordCount value = new WordCount();
    value.setFields("spate", 3);
    WordCount back = SerializationTesting.roundTrip(serializer, value);
    assertThat(back).isInstanceOf(WordCount.class).isEqualTo(value);
    assertThat(serializer.copy(value)).isInstanceOf(WordCount.class).isEqualTo(value).isNotSameAs(value);
    TypeSerializer<Tuple2<String, Integer>> pairs = Types.<Tuple2<String, Integer>>TUPLE(Types.STRING, Types.INT).createSerializer();
    assertThatThrownBy(() -> pairs.serialize(value, new DataOutputSerializer(16))).isInstanceOf(IOException.class)
        .hasMessageContaining(WordCount.class.getName()).hasMessageContaining("declare the stream's type as WordCount");
  }
}
