package io.spate.api.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows in their three modes: construction, access, equality, printing and misuse. */
class RowTest {

  private static LinkedHashMap<String, Integer> positions(String... names) {
    LinkedHashMap<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      positions.put(names[i], i);
    }
    return positions;
  }

  // Position-based rows.

  @Test
  void aNewRowHasNullFieldsAndIsAnInsert() {
    Row row = new Row(3);
    assertThat(row.getArity()).isEqualTo(3);
    assertThat(row.getKind()).isEqualTo(RowKind.INSERT);
    assertThat(row.getField(0)).isNull();
    assertThat(row.getField(2)).isNull();
    assertThat(row.getFieldNames(true)).isNull();
    assertThat(new Row(RowKind.DELETE, 2).getKind()).isEqualTo(RowKind.DELETE);
    assertThat(Row.withPositions(RowKind.UPDATE_AFTER, 1)).isEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, (Object) null));
  }

  @Test
  void fieldsAreSetAndReadByPosition() {
    Row row = Row.withPositions(2);
    row.setField(0, 42L);
    row.setField(1, "a");
    assertThat(row.getField(0)).isEqualTo(42L);
    Long first = row.getFieldAs(0);
    String second = row.getFieldAs(1);
    assertThat(first).isEqualTo(42L);
    assertThat(second).isEqualTo("a");
    assertThat(row).isEqualTo(Row.of(42L, "a"));
  }

  @Test
  void ofTakesACopyOfItsArguments() {
    Object[] values = {1, "a"};
    Row row = Row.of(values);
    values[0] = 2;
    assertThat(row.getField(0)).isEqualTo(1);
  }

  @Test
  void theKindCanBeChangedButNotToNull() {
    Row row = Row.of(1);
    row.setKind(RowKind.UPDATE_BEFORE);
    assertThat(row.getKind()).isEqualTo(RowKind.UPDATE_BEFORE);
    assertThat(row).isNotEqualTo(Row.of(1));
    assertThatThrownBy(() -> row.setKind(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("kind");
  }

  @Test
  void clearSetsEveryFieldToNullAndKeepsTheArity() {
    Row row = Row.of(1, "a");
    row.clear();
    assertThat(row).isEqualTo(Row.of(null, null));
    Row named = Row.withNames();
    named.setField("a", 1);
    named.clear();
    assertThat(named.getArity()).isZero();
  }

  @Test
  void aPositionOutOfRangeFailsNamingTheModeAndArity() {
    Row row = Row.of(1, 2, 3);
    assertThatThrownBy(() -> row.getField(3))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Field position 3 is out of range: the row is position-based with arity 3 (positions 0 to 2)");
    assertThatThrownBy(() -> row.setField(-1, "x"))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("position -1");
    assertThatThrownBy(() -> new Row(0).getField(0)).hasMessageContaining("arity 0 (no fields)");
    assertThatThrownBy(() -> new Row(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
  }

  @Test
  void aNameOnAPositionBasedRowFailsNamingTheModeFieldAndArity() {
    Row row = Row.of(1, 2);
    assertThatThrownBy(() -> row.getField("id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'id'")
        .hasMessageContaining("position-based with arity 2")
        .hasMessageContaining("Row.withNames()");
    assertThatThrownBy(() -> row.setField("id", 3)).hasMessageContaining("Cannot set field 'id'");
  }

  // Name-based rows.

  @Test
  void aNameBasedRowGrowsAsFieldsAreSetAndKeepsTheirOrder() {
    Row row = Row.withNames(RowKind.UPDATE_AFTER);
    assertThat(row.getArity()).isZero();
    row.setField("name", "ann");
    row.setField("id", 7);
    row.setField("name", "bob");
    assertThat(row.getArity()).isEqualTo(2);
    assertThat(row.getFieldNames(false)).containsExactly("name", "id");
    assertThat(row.getField("name")).isEqualTo("bob");
    String name = row.getFieldAs("name");
    assertThat(name).isEqualTo("bob");
    assertThat(row.getField("missing")).isNull();
    assertThat(row).hasToString("+U{name=bob, id=7}");
  }

  @Test
  void aPositionOnANameBasedRowFailsNamingTheModeAndFields() {
    Row row = Row.withNames();
    row.setField("a", 1);
    assertThatThrownBy(() -> row.getField(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot read field 0 by position")
        .hasMessageContaining("name-based (fields [a])");
    assertThatThrownBy(() -> row.setField(0, 1)).hasMessageContaining("Cannot set field 0 by position");
  }

  @Test
  void theNamesOfARowCannotBeChangedThroughItsNameSet() {
    Row row = Row.withNames();
    row.setField("a", 1);
    assertThatThrownBy(() -> row.getFieldNames(false).remove("a")).isInstanceOf(UnsupportedOperationException.class);
  }

  // Rows with named positions.

  @Test
  void aRowWithNamedPositionsAnswersToPositionsAndNames() {
    Row row = RowUtils.createRowWithNamedPositions(RowKind.INSERT, new Object[] {1, "a"}, positions("id", "name"));
    assertThat(row.getField("name")).isEqualTo("a");
    row.setField("id", 2);
    assertThat(row.getField(0)).isEqualTo(2);
    assertThat(row.getFieldNames(false)).isNull();
    assertThat(row.getFieldNames(true)).containsExactly("id", "name");
    assertThat(row).hasToString("+I[2, a]");
    assertThatThrownBy(() -> row.getField("age"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("field 'age'")
        .hasMessageContaining("named positions with arity 2")
        .hasMessageContaining("[id, name]");
  }

  @Test
  void namingAPositionRowSharesItsFieldsAndKeepsItsKindEqualityAndHash() {
    LinkedHashMap<String, Integer> names = positions("url", "cnt");
    Row positional = Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L);
    Row named = RowUtils.withNamedPositions(positional, names);
    assertThat(named.getKind()).isEqualTo(RowKind.UPDATE_BEFORE);
    assertThat(named.getField("url")).isEqualTo("a");
    assertThat(named.<Long>getFieldAs("cnt")).isEqualTo(1L);
    assertThat(named.getField(1)).isEqualTo(1L);
    assertThat(named.getFieldNames(true)).containsExactly("url", "cnt");
    assertThat(named).hasToString("-U[a, 1]");
    assertThat(named).isEqualTo(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L));
    assertThat(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L)).isEqualTo(named);
    assertThat(named.hashCode()).isEqualTo(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L).hashCode());
    assertThat(named).isNotEqualTo(Row.ofKind(RowKind.UPDATE_AFTER, "a", 1L));
    // A row without names is named in place: no new object.
    assertThat(named).isSameAs(positional);
    assertThat(RowUtils.withNamedPositions(named, names)).isSameAs(named);
    // A row named otherwise gets a new row over the same array; its own names stay.
    Row renamed = RowUtils.withNamedPositions(named, positions("page", "count"));
    assertThat(renamed).isNotSameAs(named);
    assertThat(renamed.getField("page")).isEqualTo("a");
    assertThat(named.getFieldNames(true)).containsExactly("url", "cnt");
    renamed.setField("count", 2L);
    assertThat(named.getField(1)).isEqualTo(2L);
    // Several rows share one map, which naming leaves as it was.
    Row other = RowUtils.withNamedPositions(Row.of("b", 3L), names);
    assertThat(other.getField("url")).isEqualTo("b");
    assertThat(names).containsExactly(Map.entry("url", 0), Map.entry("cnt", 1));
    assertThatThrownBy(() -> RowUtils.withNamedPositions(Row.withNames(), names))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name-based");
  }

  // Equality.

  @Test
  void equalityIsDeepThroughArraysListsMapsAndNestedRows() {
    Map<String, int[]> map1 = new HashMap<>(Map.of("k", new int[] {1, 2}));
    Map<String, int[]> map2 = new HashMap<>(Map.of("k", new int[] {1, 2}));
    Row a = Row.of(new int[] {1}, new String[] {"x", null}, List.of(new byte[] {3}), map1, Row.of(new long[] {4L}));
    Row b = Row.of(new int[] {1}, new String[] {"x", null}, List.of(new byte[] {3}), map2, Row.of(new long[] {4L}));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    Row c = Row.of(new int[] {1}, new String[] {"x", null}, List.of(new byte[] {3}), map2, Row.of(new long[] {5L}));
    assertThat(a).isNotEqualTo(c);
    assertThat(Row.of(new int[] {1})).isNotEqualTo(Row.of(new long[] {1L}));
    assertThat(Row.of((Object) new Object[] {new int[] {1}})).isEqualTo(Row.of((Object) new Object[] {new int[] {1}}));
  }

  @Test
  void mapsWithArrayKeysAreComparedByTheKeysContent() {
    Map<Object, String> left = new HashMap<>();
    left.put(new int[] {1, 2}, "a");
    Map<Object, String> right = new HashMap<>();
    right.put(new int[] {1, 2}, "a");
    assertThat(Row.of(left)).isEqualTo(Row.of(right));
    right.put(new int[] {1, 2}, "b");
    assertThat(Row.of(left)).isNotEqualTo(Row.of(right));
  }

  @Test
  void theKindTakesPartInEquality() {
    assertThat(Row.ofKind(RowKind.DELETE, 1)).isNotEqualTo(Row.of(1));
    assertThat(Row.ofKind(RowKind.DELETE, 1)).isEqualTo(Row.ofKind(RowKind.DELETE, 1));
    assertThat(Row.of(1)).isNotEqualTo(Row.of(1, null)).isNotEqualTo("+I[1]").isNotEqualTo(null);
  }

  @Test
  void namedRowsAreEqualByNameWhateverTheOrderTheFieldsWereSetIn() {
    Row ab = Row.withNames();
    ab.setField("a", 1);
    ab.setField("b", new int[] {2});
    Row ba = Row.withNames();
    ba.setField("b", new int[] {2});
    ba.setField("a", 1);
    assertThat(ab).isEqualTo(ba).hasSameHashCodeAs(ba);
    ba.setField("c", null);
    assertThat(ab).isNotEqualTo(ba);
  }

  @Test
  void aRowWithNamedPositionsEqualsPositionalRowsByPositionAndNamedRowsByName() {
    Row hybrid = RowUtils.createRowWithNamedPositions(RowKind.INSERT, new Object[] {1, "a"}, positions("id", "name"));
    Row positional = Row.of(1, "a");
    Row named = Row.withNames();
    named.setField("name", "a");
    named.setField("id", 1);
    assertThat(hybrid).isEqualTo(positional).hasSameHashCodeAs(positional);
    assertThat(positional).isEqualTo(hybrid);
    assertThat(hybrid).isEqualTo(named).hasSameHashCodeAs(named);
    assertThat(named).isEqualTo(hybrid);
    assertThat(positional).isNotEqualTo(named);
    named.setField("id", 2);
    assertThat(hybrid).isNotEqualTo(named);
  }

  @Test
  void theHashCodeIsTheSameInEveryJvmForStableValues() {
    // The kind hashes by its byte, not by the enum's identity hash.
    assertThat(Row.ofKind(RowKind.DELETE, "a", 1L).hashCode()).isEqualTo(Row.ofKind(RowKind.DELETE, "a", 1L).hashCode());
    assertThat(Row.ofKind(RowKind.DELETE).hashCode()).isEqualTo(31 * 3);
  }

  // Printing.

  @Test
  void toStringPrintsTheKindAndTheFieldsDeeply() {
    assertThat(Row.of(1, "a", null)).hasToString("+I[1, a, null]");
    assertThat(Row.ofKind(RowKind.UPDATE_BEFORE, Row.of(1, new int[] {2, 3}), new String[] {"x"}))
        .hasToString("-U[+I[1, [2, 3]], [x]]");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", new long[] {1L});
    assertThat(Row.ofKind(RowKind.DELETE, List.of(new byte[] {1}), map, new Object[] {null, new Object[] {"y"}}))
        .hasToString("-D[[[1]], {k=[1]}, [null, [y]]]");
    assertThat(Row.of()).hasToString("+I[]");
  }

  // Copies, projections and joins.

  @Test
  void copyIsShallowAndKeepsKindAndMode() {
    int[] shared = {1};
    Row row = Row.ofKind(RowKind.UPDATE_AFTER, shared, "a");
    Row copy = Row.copy(row);
    assertThat(copy).isEqualTo(row).isNotSameAs(row);
    assertThat(copy.getField(0)).isSameAs(shared);
    copy.setField(1, "b");
    assertThat(row.getField(1)).isEqualTo("a");

    Row named = Row.withNames(RowKind.DELETE);
    named.setField("x", 1);
    Row namedCopy = Row.copy(named);
    namedCopy.setField("y", 2);
    assertThat(named.getArity()).isEqualTo(1);
    assertThat(namedCopy.getKind()).isEqualTo(RowKind.DELETE);

    Row hybrid = RowUtils.createRowWithNamedPositions(RowKind.INSERT, new Object[] {1}, positions("id"));
    assertThat(Row.copy(hybrid).getField("id")).isEqualTo(1);
  }

  @Test
  void projectionPicksFieldsByPositionOrByNameAndKeepsTheKind() {
    Row row = Row.ofKind(RowKind.DELETE, "a", "b", "c");
    assertThat(Row.project(row, new int[] {2, 0, 2})).isEqualTo(Row.ofKind(RowKind.DELETE, "c", "a", "c"));
    assertThatThrownBy(() -> Row.project(row, new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);

    Row named = Row.withNames(RowKind.UPDATE_AFTER);
    named.setField("a", 1);
    named.setField("b", 2);
    Row projected = Row.project(named, new String[] {"b"});
    assertThat(projected.getKind()).isEqualTo(RowKind.UPDATE_AFTER);
    assertThat(projected.getFieldNames(false)).containsExactly("b");
    assertThat(projected.getField("b")).isEqualTo(2);
    assertThatThrownBy(() -> Row.project(row, new String[] {"a"})).hasMessageContaining("position-based");
  }

  @Test
  void joinAppendsTheFieldsOfEveryRowWithTheKindOfTheFirst() {
    Row joined = Row.join(Row.ofKind(RowKind.UPDATE_BEFORE, 1), Row.of(), Row.ofKind(RowKind.DELETE, 2, 3));
    assertThat(joined).isEqualTo(Row.ofKind(RowKind.UPDATE_BEFORE, 1, 2, 3));
    assertThat(Row.join(Row.of("only"))).isEqualTo(Row.of("only"));
    assertThatThrownBy(() -> Row.join(Row.of(1), Row.withNames()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name-based");
  }

  @Test
  void rowsSurviveJavaSerialization() throws Exception {
    Row hybrid = RowUtils.createRowWithNamedPositions(RowKind.UPDATE_AFTER, new Object[] {1, new int[] {2}}, positions("a", "b"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(hybrid);
    }
    Row back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (Row) in.readObject();
    }
    assertThat(back).isEqualTo(hybrid);
    assertThat(back.getField("b")).isInstanceOf(int[].class);
    assertThat(Arrays.equals((int[]) back.getField("b"), new int[] {2})).isTrue();
  }
}
