package io.spate.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.functions.MapFunction;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The type of rows: names, positions, field expressions, keys, equality, printing and extraction. */
class RowTypeInfoTest {

  private static final RowTypeInfo ORDER = (RowTypeInfo) Types.ROW_NAMED(
      new String[] {"user", "amount", "address"},
      Types.STRING, Types.LONG, Types.ROW_NAMED(new String[] {"city", "zip"}, Types.STRING, Types.INT));

  @Test
  void fieldsAreNamedF0F1UnlessNamesAreGiven() {
    RowTypeInfo type = (RowTypeInfo) Types.ROW(Types.STRING, Types.INT);
    assertThat(type.getFieldNames()).containsExactly("f0", "f1");
    assertThat(type.getArity()).isEqualTo(2);
    assertThat(type.getTypeClass()).isEqualTo(Row.class);
    assertThat(type.getFieldTypes()).containsExactly(Types.STRING, Types.INT);
    assertThat(ORDER.getFieldNames()).containsExactly("user", "amount", "address");
    assertThat(ORDER.getTotalFields()).isEqualTo(4);
    assertThat(ORDER.isTupleType()).isFalse();
    assertThat(ORDER.isBasicType()).isFalse();
  }

  @Test
  void fieldsAreFoundByIndexNameAndNestedExpression() {
    assertThat(ORDER.getFieldIndex("amount")).isEqualTo(1);
    assertThat(ORDER.getFieldIndex("nope")).isEqualTo(-1);
    assertThat(ORDER.<Long>getTypeAt(1)).isEqualTo(Types.LONG);
    assertThat(ORDER.<Long>getTypeAt("amount")).isEqualTo(Types.LONG);
    assertThat(ORDER.<Integer>getTypeAt("address.zip")).isEqualTo(Types.INT);
    assertThatThrownBy(() -> ORDER.getTypeAt("address.street"))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("no field 'street'")
        .hasMessageContaining("city, zip");
    assertThatThrownBy(() -> ORDER.getTypeAt(3)).hasMessageContaining("no field at position 3");
  }

  @Test
  void accessorsReadAndWriteRowsOfEveryModeInPlace() {
    FieldAccessor<Row, Long> amount = ORDER.fieldAccessor("amount");
    FieldAccessor<Row, Long> byPosition = ORDER.fieldAccessor(1);
    FieldAccessor<Row, String> city = ORDER.fieldAccessor("address.city");
    assertThat(amount.getFieldType()).isEqualTo(Types.LONG);

    Row positional = Row.of("ann", 5L, Row.of("Oslo", 150));
    assertThat(amount.get(positional)).isEqualTo(5L);
    assertThat(byPosition.set(positional, 6L)).isSameAs(positional);
    assertThat(positional.getField(1)).isEqualTo(6L);
    assertThat(city.get(positional)).isEqualTo("Oslo");

    Row named = Row.withNames();
    named.setField("amount", 7L);
    assertThat(byPosition.get(named)).isEqualTo(7L);
    amount.set(named, 8L);
    assertThat(named.getField("amount")).isEqualTo(8L);

    Row read = ORDER.createSerializer().copy(positional);
    assertThat(amount.get(read)).isEqualTo(6L);
    assertThatThrownBy(() -> ORDER.fieldAccessor(3))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("positions are 0 to 2");
  }

  @Test
  void rowsAreKeysWhenTheirFieldsAreAndHashTheSameInEveryMode() {
    RowTypeInfo type = (RowTypeInfo) Types.ROW_NAMED(new String[] {"a", "b"}, Types.STRING, Types.INT);
    type.checkValidKey();
    Row positional = Row.of("x", 1);
    Row named = Row.withNames();
    named.setField("b", 1);
    named.setField("a", "x");
    assertThat(type.keyHash(named)).isEqualTo(type.keyHash(positional)).isEqualTo(31 * "x".hashCode() + 1);
    assertThat(type.keyHash(type.createSerializer().copy(positional))).isEqualTo(type.keyHash(positional));
    assertThatThrownBy(() -> Types.ROW(Types.STRING, Types.GENERIC(Object.class)).checkValidKey())
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("cannot be a key");
  }

  @Test
  void equalityComparesFieldTypesAndSchemaEqualityNamesToo() {
    RowTypeInfo plain = (RowTypeInfo) Types.ROW(Types.STRING, Types.LONG);
    RowTypeInfo named = (RowTypeInfo) Types.ROW_NAMED(new String[] {"user", "amount"}, Types.STRING, Types.LONG);
    assertThat(plain).isEqualTo(named).hasSameHashCodeAs(named);
    assertThat(plain.schemaEquals(named)).isFalse();
    assertThat(named.schemaEquals(Types.ROW_NAMED(new String[] {"user", "amount"}, Types.STRING, Types.LONG))).isTrue();
    assertThat(plain).isNotEqualTo(Types.ROW(Types.STRING, Types.INT)).isNotEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    assertThat(plain.schemaEquals("Row")).isFalse();
  }

  @Test
  void toStringIsFlinks() {
    assertThat(ORDER).hasToString("Row(user: String, amount: Long, address: Row(city: String, zip: Integer))");
    assertThat(Types.ROW()).hasToString("Row()");
  }

  @Test
  void projectionKeepsTheChosenFieldsWithTheirNames() {
    RowTypeInfo projected = RowTypeInfo.projectFields(ORDER, new int[] {2, 0});
    assertThat(projected.getFieldNames()).containsExactly("address", "user");
    assertThat(projected.getFieldTypes()).containsExactly(ORDER.getTypeAt(2), Types.STRING);
    assertThatThrownBy(() -> RowTypeInfo.projectFields(ORDER, new int[] {5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot project field 5");
  }

  @Test
  void badNamesAreRejectedNamingTheProblem() {
    assertThatThrownBy(() -> Types.ROW_NAMED(new String[] {"a"}, Types.STRING, Types.INT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 types and 1 names [a]");
    assertThatThrownBy(() -> Types.ROW_NAMED(new String[] {"a", "a"}, Types.STRING, Types.INT))
        .hasMessageContaining("'a' is given twice (at position 1)");
    assertThatThrownBy(() -> Types.ROW_NAMED(new String[] {"a", ""}, Types.STRING, Types.INT))
        .hasMessageContaining("row field 1 is empty");
    assertThatThrownBy(() -> Types.ROW(Types.STRING, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theRowClassAloneIsRejectedWithTheAdviceToDeclareItsType() {
    assertThatThrownBy(() -> TypeInformation.of(Row.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("type io.spate.api.types.Row is a Row")
        .hasMessageContaining(".returns(Types.ROW(Types.STRING, Types.LONG))");
    assertThatThrownBy(() -> TypeExtractor.createTypeInfo(new TypeHint<List<Row>>() {}.getType()))
        .hasMessageContaining("field '[]' of type io.spate.api.types.Row is a Row");
  }

  record Holder(Row row) {}

  @Test
  void aRowInsideARecordIsRejectedTooNamingTheField() {
    assertThatThrownBy(() -> TypeInformation.of(Holder.class))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("field 'row' of type io.spate.api.types.Row")
        .hasMessageContaining("Types.ROW");
  }

  @Test
  void aLambdaReturningRowsNeedsReturnsAndSaysSo() {
    MapFunction<String, Row> toRow = s -> Row.of(s);
    TypeInformation<?> type = TypeExtractor.getUnaryReturnType(toRow, MapFunction.class, 0, 1, Types.STRING, "Map");
    assertThat(type).isInstanceOf(MissingTypeInfo.class);
    assertThat(((MissingTypeInfo<?>) type).describeProblem())
        .contains("'Map'")
        .contains(".returns(Types.ROW(Types.STRING, Types.LONG))");
  }

  @Test
  void theTypeOfARowValueComesFromItsFieldsAndNames() {
    assertThat(TypeExtractor.getForObject(Row.of("a", 1L, Row.of(2))))
        .isEqualTo(Types.ROW(Types.STRING, Types.LONG, Types.ROW(Types.INT)));
    Row named = Row.withNames(RowKind.DELETE);
    named.setField("user", "ann");
    assertThat(((RowTypeInfo) TypeExtractor.getForObject(named)).getFieldNames()).containsExactly("user");
    assertThatThrownBy(() -> TypeExtractor.getForObject(Row.of("a", null)))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessageContaining("the row field at 'f1' is null")
        .hasMessageContaining("Types.ROW(");
  }
}
