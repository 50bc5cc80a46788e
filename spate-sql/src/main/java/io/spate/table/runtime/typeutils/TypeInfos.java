package io.spate.table.runtime.typeutils;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.table.api.TableException;
import io.spate.table.types.logical.ArrayType;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.MapType;
import io.spate.table.types.logical.MultisetType;
import io.spate.table.types.logical.RowType;

/**
 * The {@link TypeInformation} that carries values of a SQL type between operators and into state:
 * the Java classes Flink uses for SQL values outside its engine ({@code Long}, {@code String},
 * {@code BigDecimal}, {@code LocalDateTime}, ..., and {@link io.spate.api.types.Row} for rows).
 */
@PublicEvolving
public final class TypeInfos {

  private TypeInfos() {}

  /** The type information of rows of {@code rowType}, with its field names. */
  public static RowTypeInfo ofRow(RowType rowType) {
    TypeInformation<?>[] types = new TypeInformation<?>[rowType.getFieldCount()];
    String[] names = new String[types.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = of(rowType.getTypeAt(i));
      names[i] = rowType.getFieldNames().get(i);
    }
    return new RowTypeInfo(types, names);
  }

  /** The type information of values of {@code type}. */
  public static TypeInformation<?> of(LogicalType type) {
    switch (type.getTypeRoot()) {
      case BOOLEAN:
        return Types.BOOLEAN;
      case TINYINT:
        return Types.BYTE;
      case SMALLINT:
        return Types.SHORT;
      case INTEGER:
      case INTERVAL_YEAR_MONTH:
        return Types.INT;
      case BIGINT:
      case INTERVAL_DAY_TIME:
        return Types.LONG;
      case FLOAT:
        return Types.FLOAT;
      case DOUBLE:
        return Types.DOUBLE;
      case DECIMAL:
        return Types.BIG_DEC;
      case CHAR:
      case VARCHAR:
        return Types.STRING;
      case BINARY:
      case VARBINARY:
        return Types.PRIMITIVE_ARRAY(Types.BYTE);
      case DATE:
        return Types.LOCAL_DATE;
      case TIME_WITHOUT_TIME_ZONE:
        return Types.LOCAL_TIME;
      case TIMESTAMP_WITHOUT_TIME_ZONE:
        return Types.LOCAL_DATE_TIME;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
        return Types.INSTANT;
      case ARRAY:
        return Types.OBJECT_ARRAY(of(((ArrayType) type).getElementType()));
      case MAP:
        return Types.MAP(of(((MapType) type).getKeyType()), of(((MapType) type).getValueType()));
      case MULTISET:
        return Types.MAP(of(((MultisetType) type).getElementType()), Types.INT);
      case ROW:
        return ofRow((RowType) type);
      default:
        throw new TableException("Spate SQL cannot carry values of type " + type.asSummaryString()
            + " between operators yet");
    }
  }
}
