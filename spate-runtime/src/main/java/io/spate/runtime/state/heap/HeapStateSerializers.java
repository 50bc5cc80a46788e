package io.spate.runtime.state.heap;

import io.spate.api.serialization.TypeSerializer;
import io.spate.runtime.state.serialization.LearnedTypeSerializer;
import io.spate.runtime.state.snapshot.keyed.KeyedStateMetaInfo;
import io.spate.runtime.state.snapshot.keyed.StateKind;

/**
 * The serializers a heap state's snapshot writes with: the namespace's, the value's (list elements,
 * map values) and, for map state, the user key's. The heap never serializes while it processes, so
 * these are used only by snapshots.
 */
final class HeapStateSerializers {

  final String name;
  final StateKind kind;
  final boolean ttl;
  final boolean ttlCleanupInSnapshot;
  final TypeSerializer<Object> namespace;
  final TypeSerializer<Object> value;
  final TypeSerializer<Object> userKey;

  HeapStateSerializers(String name, StateKind kind, boolean ttl, boolean ttlCleanupInSnapshot,
      TypeSerializer<Object> namespace, TypeSerializer<Object> value, TypeSerializer<Object> userKey) {
    this.name = name;
    this.kind = kind;
    this.ttl = ttl;
    this.ttlCleanupInSnapshot = ttlCleanupInSnapshot;
    this.namespace = namespace;
    this.value = value;
    this.userKey = userKey;
  }

  /** Learns a learned-type serializer's type from {@code sample} unless it knows one. */
  static void learn(TypeSerializer<Object> serializer, Object sample) {
    if (serializer instanceof LearnedTypeSerializer<Object> learned && !learned.hasLearned() && sample != null) {
      learned.learnFrom(sample);
    }
  }

  /** Copies for another thread, keeping what learned serializers learned. */
  HeapStateSerializers duplicate() {
    return new HeapStateSerializers(name, kind, ttl, ttlCleanupInSnapshot, namespace.duplicate(), value.duplicate(),
        userKey == null ? null : userKey.duplicate());
  }

  KeyedStateMetaInfo metaInfo() {
    return new KeyedStateMetaInfo(name, kind, ttl, namespace.snapshotConfiguration(), value.snapshotConfiguration(),
        userKey == null ? null : userKey.snapshotConfiguration());
  }
}
