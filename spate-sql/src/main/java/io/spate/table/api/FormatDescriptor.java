package io.spate.table.api;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A format with its options for a {@link TableDescriptor}, as in Flink:
 * {@code FormatDescriptor.forFormat("csv").option("field-delimiter", "|").build()}. Its options are
 * given without the format's prefix, which the descriptor adds ({@code 'csv.field-delimiter'}).
 */
@PublicEvolving
public final class FormatDescriptor {

  private final String format;
  private final Map<String, String> options;

  private FormatDescriptor(String format, Map<String, String> options) {
    this.format = format;
    this.options = Map.copyOf(options);
  }

  /** A builder of the format {@code format} (its factory identifier, such as {@code json}). */
  public static Builder forFormat(String format) {
    if (format == null || format.isBlank()) {
      throw new ValidationException("A format descriptor needs a format name, such as 'csv' or 'json'");
    }
    return new Builder(format);
  }

  /** The format's factory identifier. */
  public String getFormat() {
    return format;
  }

  /** The format's options, without its prefix. */
  public Map<String, String> getOptions() {
    return options;
  }

  @Override
  public String toString() {
    return format + options;
  }

  /** Builds a {@link FormatDescriptor}. */
  @PublicEvolving
  public static final class Builder {
    private final String format;
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder(String format) {
      this.format = format;
    }

    /** Sets the format option {@code key} (without the format's prefix). */
    public Builder option(String key, String value) {
      options.put(TableDescriptor.key(key), TableDescriptor.value(key, value));
      return this;
    }

    /** Sets a typed format option. */
    public <T> Builder option(ConfigOption<T> option, T value) {
      return option(option.key(), TableDescriptor.text(value));
    }

    /** The descriptor. */
    public FormatDescriptor build() {
      return new FormatDescriptor(format, options);
    }
  }
}
