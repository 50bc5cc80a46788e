package io.spate.runtime.state.snapshot.keyed;

import io.spate.api.serialization.TypeSerializerSnapshot;
import java.util.Objects;

/**
 * What the header of a keyed snapshot says about one state: its name, kind, whether its values carry
 * a time-to-live timestamp, and the snapshots of the serializers that wrote its bytes.
 *
 * @param name the state's name (for timers: the timer service's name)
 * @param kind the kind of state
 * @param ttl whether each value (list element, map value) starts with its last-access time
 * @param namespaceSerializer the namespace serializer's snapshot
 * @param valueSerializer the value serializer's snapshot (list elements; map values; for timers unused)
 * @param userKeySerializer the map user key serializer's snapshot; null unless a map
 */
public record KeyedStateMetaInfo(
    String name,
    StateKind kind,
    boolean ttl,
    TypeSerializerSnapshot<?> namespaceSerializer,
    TypeSerializerSnapshot<?> valueSerializer,
    TypeSerializerSnapshot<?> userKeySerializer) {

  /** Checks that the parts a kind needs are there. */
  public KeyedStateMetaInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespaceSerializer, "namespaceSerializer");
    Objects.requireNonNull(valueSerializer, "valueSerializer");
    if ((kind == StateKind.MAP) != (userKeySerializer != null)) {
      throw new IllegalArgumentException("State '" + name + "' of kind " + kind
          + (userKeySerializer == null ? " needs" : " cannot have") + " a user key serializer");
    }
  }
}
