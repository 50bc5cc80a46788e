package io.spate.table.formats.json;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;

/** The options of the {@code json} format, set on a table with the prefix {@code json.}. */
@PublicEvolving
public final class JsonFormatOptions {

  /** Whether a field missing from a record fails the read (else it is NULL). */
  public static final ConfigOption<Boolean> FAIL_ON_MISSING_FIELD = ConfigOptions.key("fail-on-missing-field")
      .booleanType().defaultValue(false)
      .withDescription("Fail when a field is missing from a record, instead of reading it as NULL.");

  /** Whether a record that does not parse is skipped (else it fails the read). */
  public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS = ConfigOptions.key("ignore-parse-errors")
      .booleanType().defaultValue(false)
      .withDescription("Skip records that do not parse instead of failing.");

  /** How timestamps are written and read: {@code SQL} or {@code ISO-8601}. */
  public static final ConfigOption<String> TIMESTAMP_FORMAT = ConfigOptions.key("timestamp-format.standard")
      .stringType().defaultValue("SQL")
      .withDescription("'SQL' (yyyy-MM-dd HH:mm:ss.s) or 'ISO-8601' (yyyy-MM-ddTHH:mm:ss.s).");

  /** What a map's NULL key becomes when written: {@code FAIL}, {@code DROP} or {@code LITERAL}. */
  public static final ConfigOption<String> MAP_NULL_KEY_MODE = ConfigOptions.key("map-null-key.mode")
      .stringType().defaultValue("FAIL")
      .withDescription("A map's NULL key when writing: 'FAIL', 'DROP' the entry, or 'LITERAL' (map-null-key.literal).");

  /** The key written for a map's NULL key in {@code LITERAL} mode. */
  public static final ConfigOption<String> MAP_NULL_KEY_LITERAL = ConfigOptions.key("map-null-key.literal")
      .stringType().defaultValue("null")
      .withDescription("The key written for a map's NULL key when map-null-key.mode is 'LITERAL'.");

  /** Whether decimals are written as plain numbers, never in scientific notation. */
  public static final ConfigOption<Boolean> ENCODE_DECIMAL_AS_PLAIN_NUMBER = ConfigOptions
      .key("encode.decimal-as-plain-number").booleanType().defaultValue(false)
      .withDescription("Write DECIMAL values as plain numbers (1000, not 1E+3).");

  /** Whether NULL fields are left out of written records. */
  public static final ConfigOption<Boolean> ENCODE_IGNORE_NULL_FIELDS = ConfigOptions.key("encode.ignore-null-fields")
      .booleanType().defaultValue(false)
      .withDescription("Leave NULL fields out of written records instead of writing null.");

  private JsonFormatOptions() {}
}
