package io.spate.table.expressions;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.types.DataType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A literal value of a known type, in the Java class a query's rows hold for that type ({@code Long} for
 * {@code BIGINT}, {@code String} for {@code STRING}, {@code BigDecimal} for {@code DECIMAL}, ...), or NULL.
 */
@PublicEvolving
public final class ValueLiteralExpression implements ResolvedExpression {

  private final Object value;
  private final DataType dataType;

  /** The literal {@code value} (null: NULL) of type {@code dataType}. */
  public ValueLiteralExpression(Object value, DataType dataType) {
    this.value = value;
    this.dataType = Objects.requireNonNull(dataType, "dataType");
  }

  /** Whether the literal is NULL. */
  public boolean isNull() {
    return value == null;
  }

  /** The value if it is a {@code type} (a number also as another number class it fits exactly), else empty. */
  public <T> Optional<T> getValueAs(Class<T> type) {
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    if (value instanceof Number number) {
      Object converted = null;
      if (type == Long.class && (value instanceof Integer || value instanceof Short || value instanceof Byte)) {
        converted = number.longValue();
      } else if (type == Integer.class && (value instanceof Short || value instanceof Byte
          || value instanceof Long l && l == l.intValue())) {
        converted = number.intValue();
      }
      return Optional.ofNullable(type.cast(converted));
    }
    return Optional.empty();
  }

  @Override
  public DataType getOutputDataType() {
    return dataType;
  }

  @Override
  public List<ResolvedExpression> getResolvedChildren() {
    return List.of();
  }

  @Override
  public String asSerializableString() {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    return String.valueOf(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueLiteralExpression v && Objects.equals(v.value, value) && v.dataType.equals(dataType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, dataType);
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
