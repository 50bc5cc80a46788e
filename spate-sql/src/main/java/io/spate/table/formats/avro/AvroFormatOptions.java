package io.spate.table.formats.avro;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;

/** The options of the {@code avro} format, with Flink's names and defaults (set as {@code 'avro.<key>'}). */
@PublicEvolving
public final class AvroFormatOptions {

  /** The codec that compresses the blocks of Avro container files (filesystem only). */
  public static final ConfigOption<String> AVRO_OUTPUT_CODEC = ConfigOptions.key("codec").stringType()
      .defaultValue("snappy")
      .withDescription("The compression codec of Avro files written by the filesystem connector: null, deflate,"
          + " snappy, bzip2, xz or zstandard.");

  /** Whether TIMESTAMP is an Avro timestamp, as TIMESTAMP_LTZ is (true), or an Avro local timestamp (false). */
  public static final ConfigOption<Boolean> AVRO_TIMESTAMP_LEGACY_MAPPING = ConfigOptions
      .key("timestamp_mapping.legacy").booleanType().defaultValue(true)
      .withDescription("Map both TIMESTAMP and TIMESTAMP_LTZ to Avro timestamp-millis/micros (true, Flink's legacy"
          + " default), or TIMESTAMP to local-timestamp-millis/micros (false).");

  private AvroFormatOptions() {}
}
