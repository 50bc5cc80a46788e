package io.spate.api.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.NullFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tuples' own behaviour, as Flink's: printing, positional access, copies, equality. */
class TupleTest {

  @Test
  void printsAsFlinkDoesWithArraysByTheirElementsAndNullAsNull() {
    assertThat(Tuple2.of("a", 1)).hasToString("(a,1)");
    assertThat(Tuple3.of("x", null, 2.5)).hasToString("(x,null,2.5)");
    assertThat(Tuple2.of(new int[] {1, 2}, new String[] {"p", "q"})).hasToString("([1, 2],[p, q])");
    assertThat(Tuple1.of(Tuple2.of(1L, "b"))).hasToString("((1,b))");
    assertThat(new Tuple0()).hasToString("()");
  }

  @Test
  void fieldsAreReachedByPositionAndByName() {
    Tuple3<String, Integer, Long> tuple = new Tuple3<>();
    tuple.setField("w", 0);
    tuple.setField(7, 1);
    tuple.f2 = 9L;
    assertThat(tuple.f0).isEqualTo("w");
    assertThat((Integer) tuple.getField(1)).isEqualTo(7);
    assertThat((Long) tuple.getField(2)).isEqualTo(9L);
    tuple.setFields("v", 8, 10L);
    assertThat(tuple).isEqualTo(Tuple3.of("v", 8, 10L)).isEqualTo(new Tuple3<>("v", 8, 10L));
  }

  @Test
  void aPositionOutsideTheTupleFailsNamingThePositionsThatExist() {
    Tuple2<String, Integer> pair = Tuple2.of("a", 1);
    assertThatThrownBy(() -> pair.getField(2)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Tuple2 has no field at position 2; its positions are 0 to 1");
    assertThatThrownBy(() -> pair.setField("x", -1)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("position -1");
    assertThatThrownBy(() -> Tuple0.INSTANCE.getField(0)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("it has no fields");
  }

  @Test
  void getFieldNotNullNamesTheNullField() {
    Tuple2<String, Integer> pair = Tuple2.of("a", null);
    assertThat((String) pair.getFieldNotNull(0)).isEqualTo("a");
    assertThatThrownBy(() -> pair.getFieldNotNull(1)).isInstanceOf(NullFieldException.class)
        .satisfies(e -> assertThat(((NullFieldException) e).getFieldPos()).isEqualTo(1));
  }

  @Test
  void copyIsShallowAndSwapExchangesTheFields() {
    List<String> list = new java.util.ArrayList<>(List.of("x"));
    Tuple2<String, List<String>> pair = Tuple2.of("k", list);
    Tuple2<String, List<String>> copy = pair.copy();
    assertThat(copy).isEqualTo(pair).isNotSameAs(pair);
    assertThat(copy.f1).isSameAs(list);
    copy.f0 = "changed";
    assertThat(pair.f0).isEqualTo("k");
    assertThat(pair.swap()).isEqualTo(Tuple2.of(list, "k"));
    Tuple generic = pair;
    Tuple2<String, List<String>> viaBase = generic.copy();
    assertThat(viaBase).isEqualTo(pair);
  }

  /** A subclass of a tuple, as Flink programs declare them. */
  public static class WordCount extends Tuple2<String, Integer> {
    public WordCount() {}

    public WordCount(String word, Integer count) {
      super(word, count);
    }
  }

  @Test
  void equalityIsByPositionAcrossSubclassesAsInFlink() {
    assertThat(new WordCount("a", 1)).isEqualTo(Tuple2.of("a", 1)).hasSameHashCodeAs(Tuple2.of("a", 1));
    assertThat(Tuple2.of("a", 1)).isEqualTo(new WordCount("a", 1));
    assertThat(Tuple2.of("a", 1)).isNotEqualTo(Tuple2.of(1, "a")).isNotEqualTo(Tuple3.of("a", 1, null));
    assertThat(Tuple2.of(null, null)).isEqualTo(new Tuple2<>()).hasSameHashCodeAs(new Tuple2<>());
    assertThat(new Tuple0()).isEqualTo(Tuple0.INSTANCE).hasSameHashCodeAs(Tuple0.INSTANCE);
    assertThat(Tuple0.INSTANCE.copy()).isSameAs(Tuple0.INSTANCE);
  }

  @Test
  void theLargestTupleHoldsTwentyFiveFields() {
    Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
        Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
        Integer, Integer, Integer> big = new Tuple25<>();
    for (int i = 0; i < 25; i++) {
      big.setField(i * 10, i);
    }
    assertThat(big.f24).isEqualTo(240);
    assertThat(big.getArity()).isEqualTo(Tuple.MAX_ARITY);
    assertThat(big.copy()).isEqualTo(big);
    assertThat(big.toString()).startsWith("(0,10,20,").endsWith(",230,240)");
  }
}
