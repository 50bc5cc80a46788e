package io.spate.table.formats.csv;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;

/** The options of the {@code csv} format, set on a table with the prefix {@code csv.}. */
@PublicEvolving
public final class CsvFormatOptions {

  /** The character between fields. */
  public static final ConfigOption<String> FIELD_DELIMITER = ConfigOptions.key("field-delimiter").stringType()
      .defaultValue(",").withDescription("The field delimiter: one character, ',' by default ('\\t' for a tab).");

  /** Whether fields are never quoted. */
  public static final ConfigOption<Boolean> DISABLE_QUOTE_CHARACTER = ConfigOptions.key("disable-quote-character")
      .booleanType().defaultValue(false).withDescription("Never quote fields; the quote character must not be set.");

  /** The character that quotes a field holding delimiters, quotes or line breaks. */
  public static final ConfigOption<String> QUOTE_CHARACTER = ConfigOptions.key("quote-character").stringType()
      .defaultValue("\"").withDescription("The quote character: one character, '\"' by default.");

  /** Whether lines starting with {@code #} are comments, which are skipped. */
  public static final ConfigOption<Boolean> ALLOW_COMMENTS = ConfigOptions.key("allow-comments").booleanType()
      .defaultValue(false).withDescription("Skip lines that start with '#'.");

  /** Whether a record that does not parse is skipped (else it fails the read). */
  public static final ConfigOption<Boolean> IGNORE_PARSE_ERRORS = ConfigOptions.key("ignore-parse-errors")
      .booleanType().defaultValue(false).withDescription("Skip records that do not parse instead of failing.");

  /** The separator of an array's elements (and a nested row's fields) inside one field. */
  public static final ConfigOption<String> ARRAY_ELEMENT_DELIMITER = ConfigOptions.key("array-element-delimiter")
      .stringType().defaultValue(";").withDescription("The separator of array elements and nested row fields.");

  /** The character that makes the next one literal. */
  public static final ConfigOption<String> ESCAPE_CHARACTER = ConfigOptions.key("escape-character").stringType()
      .noDefaultValue().withDescription("A character that makes the next one literal (none by default).");

  /** The unquoted text that stands for NULL. */
  public static final ConfigOption<String> NULL_LITERAL = ConfigOptions.key("null-literal").stringType()
      .noDefaultValue().withDescription("The unquoted field text that is NULL (none by default: an empty field is NULL,"
          + " except in a string column, where it is the empty string).");

  /** Whether decimals are written in scientific notation where Java's {@code BigDecimal.toString} uses it. */
  public static final ConfigOption<Boolean> WRITE_BIGDECIMAL_IN_SCIENTIFIC_NOTATION = ConfigOptions
      .key("write-bigdecimal-in-scientific-notation").booleanType().defaultValue(true)
      .withDescription("Write DECIMAL values as BigDecimal.toString does (1E+3) rather than plainly (1000).");

  private CsvFormatOptions() {}
}
