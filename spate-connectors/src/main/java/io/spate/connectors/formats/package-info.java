/**
 * What every record format shares: the metric that counts malformed records a format skipped
 * ({@link io.spate.connectors.formats.MalformedRecords}) and the hook through which a file source
 * hands that counter to a format's reader. The formats themselves are in the sub-packages ({@code
 * json}, {@code csv}) and in the modules {@code spate-format-avro} and {@code spate-format-parquet}.
 * Public-evolving.
 */
package io.spate.connectors.formats;
