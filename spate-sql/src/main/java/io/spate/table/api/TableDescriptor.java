package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A table declared in a program rather than in DDL, as in Flink:
 * {@code TableDescriptor.forConnector("datagen").schema(schema).option("number-of-rows", "10").build()},
 * used by {@link TableEnvironment#createTemporaryTable}, {@link TableEnvironment#from(TableDescriptor)}
 * and {@link Table#executeInsert(TableDescriptor)}. It means exactly the {@code CREATE TABLE}
 * statement {@link #toDdl} gives, and is checked as that statement is.
 */
@PublicEvolving
public final class TableDescriptor {

  private final Schema schema;
  private final Map<String, String> options;
  private final List<String> partitionKeys;
  private final String comment;

  private TableDescriptor(Schema schema, Map<String, String> options, List<String> partitionKeys, String comment) {
    this.schema = schema;
    this.options = Map.copyOf(options);
    this.partitionKeys = List.copyOf(partitionKeys);
    this.comment = comment;
  }

  /** A builder of a table of the connector {@code connector} (its factory identifier). */
  public static Builder forConnector(String connector) {
    if (connector == null || connector.isBlank()) {
      throw new ValidationException("A table descriptor needs a connector, such as 'datagen' or 'filesystem'");
    }
    return new Builder().option("connector", connector);
  }

  /** The schema, if one was given. */
  public Optional<Schema> getSchema() {
    return Optional.ofNullable(schema);
  }

  /** The table's options, {@code connector} among them. */
  public Map<String, String> getOptions() {
    return options;
  }

  /** The partition keys. */
  public List<String> getPartitionKeys() {
    return partitionKeys;
  }

  /** The comment, if any. */
  public Optional<String> getComment() {
    return Optional.ofNullable(comment);
  }

  /** The {@code CREATE [TEMPORARY] TABLE} statement of this table under the (quoted) name {@code name}. */
  public String toDdl(String name, boolean temporary) {
    if (schema == null || schema.getColumns().isEmpty()) {
      throw new ValidationException("The table descriptor of " + name + " has no schema: give its columns with"
          + " schema(Schema.newBuilder()...build())");
    }
    StringBuilder ddl = new StringBuilder("CREATE ").append(temporary ? "TEMPORARY " : "").append("TABLE ")
        .append(name).append(' ').append(schema.toDdl());
    if (comment != null) {
      ddl.append("\nCOMMENT ").append(literal(comment));
    }
    if (!partitionKeys.isEmpty()) {
      ddl.append("\nPARTITIONED BY (").append(partitionKeys.stream().map(Schema::quote).collect(Collectors.joining(", ")))
          .append(')');
    }
    ddl.append("\nWITH (").append(options.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(option -> literal(option.getKey()) + " = " + literal(option.getValue())).collect(Collectors.joining(", ")))
        .append(')');
    return ddl.toString();
  }

  @Override
  public String toString() {
    return toDdl("`table`", false);
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String key(String key) {
    if (key == null || key.isBlank()) {
      throw new ValidationException("An option key must not be empty");
    }
    return key;
  }

  static String value(String key, String value) {
    if (value == null) {
      throw new ValidationException("The option '" + key + "' needs a value, not null");
    }
    return value;
  }

  /** A typed option value as the text {@code WITH} takes: durations in milliseconds, lists with {@code ;}. */
  static String text(Object value) {
    if (value instanceof Duration duration) {
      return duration.toMillis() + " ms";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(TableDescriptor::text).collect(Collectors.joining(";"));
    }
    return String.valueOf(value);
  }

  /** A builder that starts from this descriptor: its schema, options, partition keys and comment. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.schema = schema;
    builder.options.putAll(options);
    builder.partitionKeys = partitionKeys;
    builder.comment = comment;
    return builder;
  }

  /** Builds a {@link TableDescriptor}. */
  @PublicEvolving
  public static final class Builder {
    private Schema schema;
    private final Map<String, String> options = new LinkedHashMap<>();
    private List<String> partitionKeys = List.of();
    private String comment;

    private Builder() {}

    /** The table's columns, watermark and primary key. */
    public Builder schema(Schema schema) {
      this.schema = schema;
      return this;
    }

    /** Sets the option {@code key}. */
    public Builder option(String key, String value) {
      options.put(key(key), value(key, value));
      return this;
    }

    /** Sets a typed option. */
    public <T> Builder option(ConfigOption<T> option, T value) {
      return option(option.key(), text(value));
    }

    /** Sets {@code 'format'}. */
    public Builder format(String format) {
      return format(FormatDescriptor.forFormat(format).build());
    }

    /** Sets {@code 'format'} and the format's options, each under the format's prefix. */
    public Builder format(FormatDescriptor format) {
      return format("format", format);
    }

    /**
     * Sets the format option {@code formatOption} ({@code 'key.format'}, {@code 'value.format'}) and the
     * format's options, each under the format's prefix, after the option's own prefix if it has one.
     */
    public Builder format(String formatOption, FormatDescriptor format) {
      option(formatOption, format.getFormat());
      String prefix = formatOption.endsWith("format") ? formatOption.substring(0, formatOption.length() - "format".length())
          : "";
      format.getOptions().forEach((key, value) -> option(prefix + format.getFormat() + "." + key, value));
      return this;
    }

    /** Partitions the table by {@code columns}. */
    public Builder partitionedBy(String... columns) {
      partitionKeys = Arrays.asList(columns);
      return this;
    }

    /** The table's comment. */
    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    /** The descriptor. */
    public TableDescriptor build() {
      return new TableDescriptor(schema, options, partitionKeys, comment);
    }
  }
}
