package io.spate.table.api.internal;

import io.spate.api.functions.MapFunction;
import io.spate.api.typeinfo.CompositeTypeInfo;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.types.Row;
import io.spate.table.runtime.expr.Casts;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.api.ValidationException;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.planner.codegen.ValueTypes;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.io.Serializable;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.List;

/**
 * A DataStream's records as the rows of its table's physical columns: each column reads its field
 * (a row's field by position, a tuple's or POJO's by name, an atomic record itself) and converts it
 * where the table declares another type. A row keeps its kind.
 */
final class StreamRecordsToRows<T> implements MapFunction<T, Row> {

  private static final long serialVersionUID = 1L;

  /** Reads one field of a record. */
  interface FieldReader<T> extends Serializable {
    Object read(T record);
  }

  /**
   * One column: its reader, the type of the values it reads if they hold intervals (which a program gives as
   * {@code Duration} and {@code Period}), and, if its values are converted, their type before and after.
   */
  record FieldConversion<T>(FieldReader<T> reader, LogicalType intervals, ValueType from, ValueType to)
      implements Serializable {}

  private final List<FieldConversion<T>> fields;
  private final String zone;

  StreamRecordsToRows(List<FieldConversion<T>> fields, ZoneId zone) {
    this.fields = List.copyOf(fields);
    this.zone = zone.getId();
  }

  /** The reader of field {@code name} of records of {@code type} ({@code position} for rows of unknown fields). */
  static <T> FieldReader<T> accessor(TypeInformation<T> type, String name, int position) {
    if (type instanceof RowTypeInfo rows) {
      int index = rows.getFieldNames().indexOf(name);
      return record -> ((Row) record).getField(index);
    }
    if (type.getTypeClass() == Row.class) {
      return record -> ((Row) record).getField(position);
    }
    if (type instanceof CompositeTypeInfo<T> composite) {
      FieldAccessor<T, Object> field = composite.fieldAccessor(name);
      return field::get;
    }
    return record -> record;
  }

  /**
   * The rows of {@code target} made of records of {@code type}, whose columns are {@code source} (null for
   * rows of unknown fields, read by position); {@code owner} names the table in messages.
   */
  static <T> StreamRecordsToRows<T> of(TypeInformation<T> type, RowType source, RowType target, ZoneId zone,
      String owner) {
    SpateTypeFactory types = new SpateTypeFactory();
    List<FieldConversion<T>> fields = new ArrayList<>();
    for (int i = 0; i < target.getFieldCount(); i++) {
      String name = target.getFieldNames().get(i);
      LogicalType to = target.getTypeAt(i);
      LogicalType from = source == null ? to : source.getTypeAt(source.getFieldNames().indexOf(name));
      checkConvertible(from, to, name, owner);
      boolean cast = !from.copy(true).equals(to.copy(true));
      fields.add(new FieldConversion<>(accessor(type, name, i),
          IntervalConversions.containsInterval(from) ? from : null,
          cast ? ValueTypes.of(types.createFieldTypeFromLogicalType(from)) : null,
          ValueTypes.of(types.createFieldTypeFromLogicalType(to))));
    }
    return new StreamRecordsToRows<>(fields, zone);
  }

  /**
   * A declared column takes a field of the same kind of type (another precision or length) or a number
   * of a wider type; anything else is a conversion the program makes itself.
   */
  private static void checkConvertible(LogicalType from, LogicalType to, String name, String owner) {
    if (from.getTypeRoot() == to.getTypeRoot()) {
      return;
    }
    List<String> numbers = List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "FLOAT", "DOUBLE");
    int fromRank = numbers.indexOf(from.getTypeRoot().name());
    int toRank = numbers.indexOf(to.getTypeRoot().name());
    if (fromRank >= 0 && (toRank > fromRank || to.getTypeRoot().name().equals("DECIMAL") && fromRank <= 3)) {
      return;
    }
    throw new ValidationException(owner + " declares column '" + name + "' as " + to.asSummaryString()
        + ", but the field '" + name + "' it reads is " + from.asSummaryString() + "; declare a type of the same"
        + " kind (another precision or length) or a wider number, or convert the values first");
  }

  @Override
  public Row map(T value) {
    Row row = new Row(fields.size());
    if (value instanceof Row input) {
      row.setKind(input.getKind());
    }
    for (int i = 0; i < fields.size(); i++) {
      FieldConversion<T> field = fields.get(i);
      Object fieldValue = field.reader().read(value);
      if (field.intervals() != null) {
        fieldValue = IntervalConversions.toInternal(fieldValue, field.intervals());
      }
      row.setField(i, field.from() == null ? fieldValue
          : Casts.cast(fieldValue, field.from(), field.to(), ZoneId.of(zone)));
    }
    return row;
  }
}
