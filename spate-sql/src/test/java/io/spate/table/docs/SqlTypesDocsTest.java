package io.spate.table.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.api.DataTypes;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import io.spate.table.types.logical.VarCharType;
import io.spate.table.types.logical.utils.LogicalTypeParser;
import org.junit.jupiter.api.Test;

/** Runs the examples of docs/sql/types.md; the code blocks there occur verbatim here. */
class SqlTypesDocsTest {

  @Test
  void parsingATypeString() {
    LogicalType type = LogicalTypeParser.parse("ROW<id BIGINT NOT NULL, tags ARRAY<STRING>>");
    RowType row = (RowType) type;
    assertThat(row.getFieldNames()).containsExactly("id", "tags");
    assertThat(row.getTypeAt(1)).isEqualTo(new ArrayType(VarCharType.STRING_TYPE));
  }

  @Test
  void theErrorMessagesThePageQuotes() {
    assertThatThrownBy(() -> LogicalTypeParser.parse("ARRAY<INTT>"))
        .hasMessage("Unknown type 'INTT' at position 7 in type string 'ARRAY<INTT>'; did you mean INT?");
    assertThatThrownBy(() -> LogicalTypeParser.parse("MAP<INT>"))
        .hasMessage("Expected ',' between the key and the value type of MAP<key, value>, found '>' at position 8 in"
            + " type string 'MAP<INT>'.");
    assertThatThrownBy(() -> DataTypes.DECIMAL(39, 0))
        .hasMessage("Decimal precision must be between 1 and 38 (both inclusive), got 39.");
    assertThatThrownBy(() -> DataTypes.INT().bridgedTo(String.class))
        .hasMessage("Data type 'INT' does not support a conversion from or to class 'java.lang.String'.");
  }

  @Test
  void intervalDataTypes() {
    DataType grace = DataTypes.INTERVAL(DataTypes.DAY(), DataTypes.SECOND(3));
    assertThat(grace.toString()).isEqualTo("INTERVAL DAY(2) TO SECOND(3)");
    assertThat(grace.getConversionClass()).isEqualTo(java.time.Duration.class);
    assertThat(DataTypes.INTERVAL(DataTypes.YEAR(), DataTypes.MONTH()).getConversionClass())
        .isEqualTo(java.time.Period.class);
  }

  @Test
  void dataTypesInJava() {
    DataType bid = DataTypes.ROW(
        DataTypes.FIELD("auction", DataTypes.BIGINT().notNull()),
        DataTypes.FIELD("price", DataTypes.DECIMAL(10, 2), "in dollars"),
        DataTypes.FIELD("dateTime", DataTypes.TIMESTAMP(3)),
        DataTypes.FIELD("tags", DataTypes.ARRAY(DataTypes.STRING())));
    assertThat(bid.toString()).isEqualTo(
        "ROW<`auction` BIGINT NOT NULL, `price` DECIMAL(10, 2) 'in dollars', `dateTime` TIMESTAMP(3), `tags` ARRAY<STRING>>");
    assertThat(DataType.getFieldNames(bid)).containsExactly("auction", "price", "dateTime", "tags");

    DataType counts = DataTypes.ARRAY(DataTypes.INT().notNull().bridgedTo(int.class));
    assertThat(counts.getConversionClass()).isEqualTo(int[].class);
  }
}
