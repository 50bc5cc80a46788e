/**
 * Schemas that turn the records of a stream into bytes and back for connectors that carry bytes
 * (message queues, sockets): {@link io.spate.api.serialization.schema.DeserializationSchema}, {@link
 * io.spate.api.serialization.schema.SerializationSchema} and ready-made ones for strings and for any
 * type with type information.
 */
package io.spate.api.serialization.schema;
