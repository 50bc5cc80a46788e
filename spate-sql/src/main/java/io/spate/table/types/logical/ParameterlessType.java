package io.spate.table.types.logical;

import java.util.List;
import java.util.Set;

/**
 * A type without parameters or children ({@code BOOLEAN}, the integer and floating point types,
 * {@code DATE}): its type string is its name, and it converts from and to a fixed set of Java classes.
 */
abstract class ParameterlessType extends LogicalType {

  private static final long serialVersionUID = 1L;

  private final String format;
  private final Class<?> defaultConversion;
  private final Set<String> conversions;

  /** A type of {@code root} printed as {@code format}, whose values are {@code conversions} (class names) in Java. */
  ParameterlessType(boolean isNullable, LogicalTypeRoot root, String format, Class<?> defaultConversion,
      Set<String> conversions) {
    super(isNullable, root);
    this.format = format;
    this.defaultConversion = defaultConversion;
    this.conversions = conversions;
  }

  @Override
  public String asSerializableString() {
    return withNullability(format);
  }

  @Override
  public boolean supportsInputConversion(Class<?> clazz) {
    return isOneOf(clazz, conversions);
  }

  @Override
  public boolean supportsOutputConversion(Class<?> clazz) {
    return isOneOf(clazz, conversions);
  }

  @Override
  public Class<?> getDefaultConversion() {
    return defaultConversion;
  }

  @Override
  public List<LogicalType> getChildren() {
    return List.of();
  }
}
