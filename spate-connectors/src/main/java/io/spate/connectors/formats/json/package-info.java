/**
 * JSON with Jackson: {@link io.spate.connectors.formats.json.JsonSerializationSchema} and {@link
 * io.spate.connectors.formats.json.JsonDeserializationSchema} (one JSON value per message, for Kafka
 * and other message connectors), {@link io.spate.connectors.formats.json.JsonLinesInputFormat} (one
 * value per line, for the file source) and {@link io.spate.connectors.formats.json.JsonLinesEncoder}
 * (the same lines, for the file sink). Public-evolving.
 */
package io.spate.connectors.formats.json;
