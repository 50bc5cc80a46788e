package io.spate.table.api.internal;

import io.spate.api.functions.MapFunction;
import io.spate.api.typeinfo.CompositeTypeInfo;
import io.spate.api.typeinfo.FieldAccessor;
import io.spate.api.typeinfo.TupleTypeInfo;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.tuple.Tuple;
import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.ResolvedSchema;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's rows as records of a program's class, as Flink's {@code toDataStream(table, Class)} makes
 * them: a POJO's or record's fields take the columns of their names, a tuple's fields the columns in
 * order, and an atomic class the one column; every column must find a field of its Java class.
 */
final class RowsToStreamRecords<T> implements MapFunction<Row, T> {

  private static final long serialVersionUID = 1L;

  private final Class<T> targetClass;
  private final int[] columns;
  private final List<FieldAccessor<T, Object>> fields;
  private final boolean tuple;
  private final ImplicitConversions.Conversion[] conversions;

  private RowsToStreamRecords(Class<T> targetClass, int[] columns, List<FieldAccessor<T, Object>> fields,
      boolean tuple, ImplicitConversions.Conversion[] conversions) {
    this.targetClass = targetClass;
    this.columns = columns;
    this.fields = fields;
    this.tuple = tuple;
    this.conversions = conversions;
  }

  /** The conversion into {@code targetClass} and the type of its records. */
  record Target<T>(MapFunction<Row, T> conversion, TypeInformation<T> type) {}

  /** The conversion of rows of {@code schema} into {@code targetClass}; fails naming a column or field that does not fit. */
  static <T> Target<T> of(Class<T> targetClass, ResolvedSchema schema) {
    List<String> names = schema.getColumnNames();
    List<LogicalType> types = schema.getColumnTypes();
    if (Tuple.class.isAssignableFrom(targetClass)) {
      return tuple(targetClass, schema);
    }
    TypeInformation<T> type = TypeExtractor.createTypeInfo(targetClass);
    if (!(type instanceof CompositeTypeInfo<T> composite) || type.getTypeClass() == Row.class) {
      if (names.size() != 1) {
        throw new ValidationException("The query's result has " + names.size() + " columns " + names + ", but "
            + targetClass.getName() + " holds one value; convert it into a POJO, a tuple or a Row");
      }
      ImplicitConversions.Conversion conversion = checkClass(targetClass, types.get(0), names.get(0),
          "the target class " + targetClass.getName());
      @SuppressWarnings("unchecked")
      MapFunction<Row, T> single = row -> (T) convert(conversion, row.getField(0));
      return new Target<>(single, type);
    }
    List<String> fieldNames = composite.getFieldNames();
    for (String column : names) {
      if (!fieldNames.contains(column)) {
        throw new ValidationException("The query's column '" + column + "' has no field of that name in "
            + targetClass.getName() + " (its fields: " + String.join(", ", fieldNames) + ")");
      }
    }
    int[] columns = new int[fieldNames.size()];
    List<FieldAccessor<T, Object>> accessors = new ArrayList<>();
    ImplicitConversions.Conversion[] conversions = new ImplicitConversions.Conversion[fieldNames.size()];
    for (int i = 0; i < fieldNames.size(); i++) {
      String field = fieldNames.get(i);
      columns[i] = names.indexOf(field);
      if (columns[i] < 0) {
        throw new ValidationException("Field '" + field + "' of " + targetClass.getName() + " has no column of that"
            + " name in the query's result (its columns: " + String.join(", ", names) + ")");
      }
      conversions[i] = checkClass(composite.getFieldType(i).getTypeClass(), types.get(columns[i]), field,
          "field '" + field + "' of " + targetClass.getName());
      accessors.add(composite.fieldAccessor(field));
    }
    return new Target<>(new RowsToStreamRecords<>(targetClass, columns, accessors, false, conversions), type);
  }

  private static <T> Target<T> tuple(Class<T> targetClass, ResolvedSchema schema) {
    List<LogicalType> types = schema.getColumnTypes();
    TypeInformation<?>[] fieldTypes = new TypeInformation<?>[types.size()];
    int[] columns = new int[types.size()];
    for (int i = 0; i < fieldTypes.length; i++) {
      fieldTypes[i] = IntervalConversions.externalInfo(types.get(i));
      columns[i] = i;
    }
    Class<? extends Tuple> expected = Tuple.getTupleClass(types.size());
    if (targetClass != expected) {
      throw new ValidationException("The query's result has " + types.size() + " columns " + schema.getColumnNames()
          + ", which convert into " + expected.getSimpleName() + ", not " + targetClass.getSimpleName());
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeInformation<T> type = (TypeInformation<T>) new TupleTypeInfo(fieldTypes);
    return new Target<>(new RowsToStreamRecords<>(targetClass, columns, null, true,
        new ImplicitConversions.Conversion[columns.length]), type);
  }

  /**
   * The conversion of the column {@code name} into {@code target}: none (null) if its values are of that
   * class, else one of Flink's implicit ones; fails naming the column and both types if there is none.
   */
  private static ImplicitConversions.Conversion checkClass(Class<?> target, LogicalType column, String name,
      String what) {
    Class<?> values = IntervalConversions.externalInfo(column).getTypeClass();
    if (boxed(target).isAssignableFrom(values)) {
      return null;
    }
    ImplicitConversions.Conversion conversion = ImplicitConversions.of(column, boxed(target));
    if (conversion == null) {
      throw new ValidationException("The query's column '" + name + "' is " + column.asSummaryString() + " ("
          + values.getName() + "), but " + what + " is " + target.getName() + "; CAST the column in the query or"
          + " change the field");
    }
    return conversion;
  }

  private static Object convert(ImplicitConversions.Conversion conversion, Object value) {
    return conversion == null || value == null ? value : conversion.convert(value);
  }

  private static Class<?> boxed(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
  }

  @Override
  public T map(Row row) throws Exception {
    if (tuple) {
      Tuple result = Tuple.newInstance(columns.length);
      for (int i = 0; i < columns.length; i++) {
        result.setField(row.getField(columns[i]), i);
      }
      return targetClass.cast(result);
    }
    T record = instantiate();
    for (int i = 0; i < columns.length; i++) {
      record = fields.get(i).set(record, convert(conversions[i], row.getField(columns[i])));
    }
    return record;
  }

  private transient Constructor<T> constructor;

  private T instantiate() throws ReflectiveOperationException {
    if (targetClass.isRecord()) {
      // A record is copied by each field accessor; it starts from one with default values.
      Object[] defaults = new Object[targetClass.getRecordComponents().length];
      Class<?>[] componentTypes = new Class<?>[defaults.length];
      for (int i = 0; i < defaults.length; i++) {
        componentTypes[i] = targetClass.getRecordComponents()[i].getType();
        defaults[i] = componentTypes[i].isPrimitive() ? java.lang.reflect.Array.get(
            java.lang.reflect.Array.newInstance(componentTypes[i], 1), 0) : null;
      }
      return targetClass.getDeclaredConstructor(componentTypes).newInstance(defaults);
    }
    if (constructor == null) {
      constructor = targetClass.getDeclaredConstructor();
      constructor.setAccessible(true);
    }
    return constructor.newInstance();
  }
}
