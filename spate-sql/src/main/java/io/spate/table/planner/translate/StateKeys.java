package io.spate.table.planner.translate;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.KeyedStream;
import io.spate.api.types.Row;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.runtime.keys.SqlKeyTypeInfo;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/** The keys stateful operators keep their state by: some fields of their input rows, as {@link SqlKeySelector} makes them. */
final class StateKeys {

  private StateKeys() {}

  /** {@code input}, whose rows are of {@code type}, keyed by its fields {@code fields}. */
  static KeyedStream<Row, Object> keyBy(DataStream<Row> input, RelDataType type, int[] fields) {
    return input.keyBy(selector(type, fields), typeInfo(type, fields));
  }

  /** {@code input} keyed by its fields {@code fields}, whose SQL types are those of {@code keyFields}. */
  static KeyedStream<Row, Object> keyBy(DataStream<Row> input, List<RowType.RowField> keyFields, int[] fields) {
    List<LogicalType> types = keyFields.stream().map(RowType.RowField::getType).toList();
    return input.keyBy(SqlKeySelector.of(fields, types), SqlKeyTypeInfo.of(types));
  }

  /** The key of fields {@code fields} of rows of {@code type}. */
  static SqlKeySelector selector(RelDataType type, int[] fields) {
    return SqlKeySelector.of(fields, types(type, fields));
  }

  /** The type of the key of fields {@code fields} of rows of {@code type}. */
  static SqlKeyTypeInfo typeInfo(RelDataType type, int[] fields) {
    return SqlKeyTypeInfo.of(types(type, fields));
  }

  /** The SQL types of fields {@code fields} of rows of {@code type}. */
  static List<LogicalType> types(RelDataType type, int[] fields) {
    List<LogicalType> types = new ArrayList<>();
    for (int field : fields) {
      types.add(SpateTypeFactory.toLogicalType(type.getFieldList().get(field).getType()));
    }
    return types;
  }
}
