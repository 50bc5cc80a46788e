package io.spate.table.formats.raw;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;

/** The options of the {@code raw} format, with Flink's names and defaults (set as {@code 'raw.<key>'}). */
@PublicEvolving
public final class RawFormatOptions {

  /** Big-endian byte order of numeric values. */
  public static final String BIG_ENDIAN = "big-endian";
  /** Little-endian byte order of numeric values. */
  public static final String LITTLE_ENDIAN = "little-endian";

  /** The charset of a character column's bytes. */
  public static final ConfigOption<String> CHARSET = ConfigOptions.key("charset").stringType().defaultValue("UTF-8")
      .withDescription("The charset that encodes a STRING column's text.");

  /** The byte order of a numeric column's bytes. */
  public static final ConfigOption<String> ENDIANNESS = ConfigOptions.key("endianness").stringType()
      .defaultValue(BIG_ENDIAN)
      .withDescription("The byte order of a numeric column: big-endian or little-endian.");

  private RawFormatOptions() {}
}
