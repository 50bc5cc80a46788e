/**
 * Serializers: the {@link io.spate.api.serialization.TypeSerializer} contract, its snapshots and
 * compatibility answers, and the data views serializers read and write. The contract and the views
 * are public or public-evolving; the serializer implementations and byte buffers are internal: get
 * a serializer from {@code TypeInformation.createSerializer}.
 */
package io.spate.api.serialization;
