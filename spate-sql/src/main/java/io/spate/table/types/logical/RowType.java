package io.spate.table.types.logical;

import static io.spate.table.utils.EncodingUtils.escapeIdentifier;
import static io.spate.table.utils.EncodingUtils.escapeSingleQuotes;

import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.ValidationException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SQL type {@code ROW<name type 'description', ...>}: a sequence of named, typed fields, the type of a table's
 * rows and of nested records. Field names are case-sensitive, non-blank and unique. In Java a row is an
 * {@code io.spate.api.types.Row}.
 */
@PublicEvolving
public final class RowType extends LogicalType {

  private static final long serialVersionUID = 1L;

  /** The name of ROW's default conversion class, {@code io.spate.api.types.Row}. */
  public static final String ROW_CONVERSION_CLASS_NAME = "io.spate.api.types.Row";

  private static final String FORMAT = "ROW<%s>";

  private final List<RowField> fields;

  /**
   * The row type of the given fields, nullable or not.
   *
   * @throws ValidationException if a field name is blank or two fields have the same name
   */
  public RowType(boolean isNullable, List<RowField> fields) {
    super(isNullable, LogicalTypeRoot.ROW);
    this.fields = List.copyOf(fields);
    checkFieldNames(this.fields);
  }

  /** The nullable row type of the given fields. */
  public RowType(List<RowField> fields) {
    this(true, fields);
  }

  /** The nullable row type of the given field types named {@code f0}, {@code f1}, ... */
  public static RowType of(LogicalType... types) {
    List<RowField> fields = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      fields.add(new RowField("f" + i, types[i]));
    }
    return new RowType(fields);
  }

  /** The nullable row type of the given field types and names, which must be as many. */
  public static RowType of(LogicalType[] types, String[] names) {
    if (types.length != names.length) {
      throw new ValidationException(
          "A row type needs as many field names as field types, got " + names.length + " names and "
              + types.length + " types.");
    }
    List<RowField> fields = new ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      fields.add(new RowField(names[i], types[i]));
    }
    return new RowType(fields);
  }

  /** The fields in order. */
  public List<RowField> getFields() {
    return fields;
  }

  /** The field names in order. */
  public List<String> getFieldNames() {
    return fields.stream().map(RowField::getName).collect(Collectors.toUnmodifiableList());
  }

  /** The position of the field named {@code fieldName} (case-sensitive), or -1 if there is none. */
  public int getFieldIndex(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).getName().equals(fieldName)) {
        return i;
      }
    }
    return -1;
  }

  /** The type of the field at position {@code i}. */
  public LogicalType getTypeAt(int i) {
    return fields.get(i).getType();
  }

  /** The number of fields. */
  public int getFieldCount() {
    return fields.size();
  }

  @Override
  public LogicalType copy(boolean isNullable) {
    return new RowType(isNullable, fields);
  }

  @Override
  public String asSerializableString() {
    return withNullability(FORMAT, join(RowField::asSerializableString));
  }

  @Override
  public String asSummaryString() {
    return withNullability(FORMAT, join(RowField::asSummaryString));
  }

  @Override
  public boolean supportsInputConversion(Class<?> clazz) {
    return clazz.getName().equals(ROW_CONVERSION_CLASS_NAME);
  }

  @Override
  public boolean supportsOutputConversion(Class<?> clazz) {
    return clazz.getName().equals(ROW_CONVERSION_CLASS_NAME);
  }

  /**
   * {@code io.spate.api.types.Row}.
   *
   * @throws IllegalStateException if that class is not on the class path
   */
  @Override
  public Class<?> getDefaultConversion() {
    try {
      return Class.forName(ROW_CONVERSION_CLASS_NAME, false, RowType.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "ROW's conversion class " + ROW_CONVERSION_CLASS_NAME + " is not on the class path; it comes with spate-api.",
          e);
    }
  }

  @Override
  public List<LogicalType> getChildren() {
    return fields.stream().map(RowField::getType).collect(Collectors.toUnmodifiableList());
  }

  @Override
  public boolean equals(Object o) {
    return super.equals(o) && fields.equals(((RowType) o).fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(super.hashCode(), fields);
  }

  private String join(Function<RowField, String> print) {
    return fields.stream().map(print).collect(Collectors.joining(", "));
  }

  private static void checkFieldNames(List<RowField> fields) {
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new LinkedHashSet<>();
    for (RowField field : fields) {
      if (field.getName().isBlank()) {
        throw new ValidationException("Field names must contain at least one non-whitespace character, got '"
            + field.getName() + "' in " + fields + ".");
      }
      if (!seen.add(field.getName())) {
        duplicates.add(field.getName());
      }
    }
    if (!duplicates.isEmpty()) {
      throw new ValidationException("Field names must be unique. Found duplicates: " + duplicates + ".");
    }
  }

  /** One field of a row type: a name, a type and an optional description. */
  @PublicEvolving
  public static final class RowField implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final LogicalType type;
    private final String description;

    /** A field with a description, which may be null. */
    public RowField(String name, LogicalType type, String description) {
      this.name = Objects.requireNonNull(name, "name");
      this.type = Objects.requireNonNull(type, "type");
      this.description = description;
    }

    /** A field without a description. */
    public RowField(String name, LogicalType type) {
      this(name, type, null);
    }

    /** The field's name. */
    public String getName() {
      return name;
    }

    /** The field's type. */
    public LogicalType getType() {
      return type;
    }

    /** The field's description, if it has one. */
    public Optional<String> getDescription() {
      return Optional.ofNullable(description);
    }

    /** An equal copy of this field. */
    public RowField copy() {
      return new RowField(name, type.copy(), description);
    }

    /** The field as it appears in a type string: {@code `name` TYPE 'description'}. */
    public String asSerializableString() {
      return escapeIdentifier(name) + " " + type.asSerializableString() + describe();
    }

    /** The field as it appears in a summary string. */
    public String asSummaryString() {
      return escapeIdentifier(name) + " " + type.asSummaryString() + describe();
    }

    private String describe() {
      return description == null ? "" : " '" + escapeSingleQuotes(description) + "'";
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof RowField)) {
        return false;
      }
      RowField that = (RowField) o;
      return name.equals(that.name) && type.equals(that.type) && Objects.equals(description, that.description);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, type, description);
    }

    /** The {@linkplain #asSummaryString() summary string}. */
    @Override
    public String toString() {
      return asSummaryString();
    }
  }
}
