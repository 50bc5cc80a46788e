package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.tuple.Tuple2;
import io.spate.api.typeinfo.TypeHint;
import io.spate.api.typeinfo.TypeInfo;
import io.spate.api.typeinfo.TypeInfoFactory;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Either;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The snippets of docs/types.md, compiled and run; DocsSnippetsTest checks that each snippet still
 * occurs here word for word, so edit both together.
 */
class TypesDocTest {

  /** A subclass of a tuple, named as Flink programs name their tuple types. */
  public static class WordCount extends Tuple2<String, Integer> {
    public WordCount() {}
  }

  @TypeInfo(MoneyFactory.class)
  public static class Money {
    public Number amount;      // an abstract JDK class: extraction alone cannot serialize it
    public String currency;
  }

  public static class MoneyFactory extends TypeInfoFactory<Money> {
    @Override
    public TypeInformation<Money> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
      return Types.POJO(Money.class, Map.of("amount", Types.BIG_DEC));
    }
  }

  @Test
  void tuples() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<String> text = env.fromElements("to be or not to be");
    DataStream<Tuple2<String, Integer>> counts = text
        .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
          for (String word : line.split(" ")) {
            out.collect(Tuple2.of(word, 1));
          }
        })
        .returns(Types.TUPLE(Types.STRING, Types.INT))   // the lambda erases Tuple2's type arguments
        .keyBy(0)                                        // or keyBy("f0"), or keyBy(t -> t.f0)
        .sum(1);
    List<Tuple2<String, Integer>> out = E2eSupport.collect(counts);
    assertThat(out).contains(Tuple2.of("to", 2), Tuple2.of("be", 2), Tuple2.of("or", 1)).hasSize(6);
  }

  @Test
  void typeHintsAndTupleSubclasses() {
    TypeInformation<Tuple2<String, Integer>> pairs = new TypeHint<Tuple2<String, Integer>>() {}.getTypeInfo();
    TypeInformation<WordCount> wordCounts = Types.TUPLE(WordCount.class);
    assertThat(pairs).isEqualTo(Types.TUPLE(Types.STRING, Types.INT));
    assertThat(wordCounts.getTypeClass()).isEqualTo(WordCount.class);
  }

  @Test
  void rows() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<String> lines = env.fromElements("ann,5", "bob,7", "ann,3").setParallelism(1);
    TypeInformation<Row> purchase = Types.ROW_NAMED(new String[] {"user", "amount"}, Types.STRING, Types.LONG);
    DataStream<Row> totals = lines
        .map(line -> {
          String[] parts = line.split(",");
          return Row.of(parts[0], Long.parseLong(parts[1]));
        })
        .returns(purchase)        // a Row's class does not say its fields' types
        .keyBy("user")            // or keyBy(0)
        .sum("amount");           // or sum(1)
    assertThat(E2eSupport.collect(totals)).containsExactlyInAnyOrder(Row.of("ann", 5L), Row.of("bob", 7L), Row.of("ann", 8L));
  }

  @Test
  void rowKindsAndModes() {
    Row change = Row.ofKind(RowKind.UPDATE_AFTER, "ann", 12L);
    String printed = change.toString();                    // "+U[ann, 12]"
    Row named = Row.withNames();
    named.setField("user", "bob");
    named.setField("amount", 7L);
    Long amount = named.getFieldAs("amount");
    assertThat(printed).isEqualTo("+U[ann, 12]");
    assertThat(amount).isEqualTo(7L);
    assertThat(named).hasToString("+I{user=bob, amount=7}");
    assertThat(Row.of(1, new int[] {2, 3}, Row.of("nested"))).hasToString("+I[1, [2, 3], +I[nested]]");
  }

  @Test
  void either() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<String> lines = env.fromElements("12", "twelve");
    DataStream<Either<String, Integer>> parsed = lines
        .map(line -> line.matches("-?\\d+")
            ? Either.<String, Integer>Right(Integer.parseInt(line))
            : Either.<String, Integer>Left(line))
        .returns(Types.EITHER(Types.STRING, Types.INT));
    assertThat(E2eSupport.collect(parsed)).containsExactlyInAnyOrder(Either.Right(12), Either.Left("twelve"));
  }

  @Test
  void aTypeInfoFactory() throws Exception {
    TypeInformation<Money> money = TypeInformation.of(Money.class);
    assertThat(money.createSerializer()).isNotNull();
    Money tea = new Money();
    tea.amount = new BigDecimal("2.50");
    tea.currency = "EUR";
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThat(E2eSupport.collect(env.fromElements(tea).map(m -> m.currency))).containsExactly("EUR");
  }

  @Test
  void serializerConfig() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.getConfig().getSerializerConfig().registerPojoType(Money.class);   // accepted; POJOs need no registration
    assertThatThrownBy(() -> env.getConfig().getSerializerConfig().registerKryoType(Money.class))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("@TypeInfo");
  }
}
