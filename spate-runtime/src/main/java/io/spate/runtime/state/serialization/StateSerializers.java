package io.spate.runtime.state.serialization;

import io.spate.api.serialization.MapSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.MapStateDescriptor;
import io.spate.api.state.StateDescriptor;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.evictors.TimestampedValue;
import io.spate.api.windowing.windows.Window;
import io.spate.api.operators.state.VoidNamespace;
import java.util.Map;

/**
 * Chooses the serializers that turn keys, namespaces and values of keyed state into bytes; every
 * backend uses these, so that all of them write the same bytes into snapshots.
 */
public final class StateSerializers {

  private StateSerializers() {}

  /**
   * The serializer of {@code type}, or, where the runtime declares a state only as {@code Object}
   * (window contents, internal bookkeeping), one that takes its type from the first value it sees.
   */
  public static <T> TypeSerializer<T> forType(String stateName, Class<?> typeClass, TypeInfoSupplier<T> type) {
    if (typeClass != Object.class) {
      try {
        return type.get().createSerializer();
      } catch (InvalidTypesException e) {
        // declared as a raw class (such as HashMap) by the runtime itself: learn from the values
      }
    }
    return new LearnedTypeSerializer<>("state '" + stateName + "'");
  }

  /**
   * The value serializer of a list (its elements), value, reducing or aggregating state: the
   * descriptor's own if it has one (given to its constructor, as Flink allows), else its type's.
   */
  public static <T> TypeSerializer<T> forDescriptor(StateDescriptor<?, T> descriptor) {
    if (descriptor.isSerializerInitialized()) {
      return descriptor.getSerializer();
    }
    return forType(descriptor.getName(), descriptor.getTypeClass(), descriptor::getTypeInformation);
  }

  /** The serializer of a map state's user keys: the descriptor's own if it has one, else the key type's. */
  public static <K> TypeSerializer<K> forMapKeys(MapStateDescriptor<K, ?> descriptor) {
    if (descriptor.isSerializerInitialized()) {
      return descriptor.getKeySerializer();
    }
    return forType(descriptor.getName(), Map.class, descriptor::getKeyTypeInformation);
  }

  /** The serializer of a map state's user values: the descriptor's own if it has one, else the value type's. */
  public static <V> TypeSerializer<V> forMapValues(MapStateDescriptor<?, V> descriptor) {
    if (descriptor.isSerializerInitialized()) {
      return descriptor.getValueSerializer();
    }
    return forType(descriptor.getName(), Map.class, descriptor::getValueTypeInformation);
  }

  /** The serializer of the namespaces of state {@code stateName}: learned from the first namespace. */
  public static <N> LearnedTypeSerializer<N> forNamespace(String stateName) {
    return new LearnedTypeSerializer<>("the namespaces of state '" + stateName + "'");
  }

  /** Supplies a type information that may fail to derive. */
  @FunctionalInterface
  public interface TypeInfoSupplier<T> {
    /** The type information. */
    TypeInformation<T> get();
  }

  /** A serializer for values like {@code value}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> TypeSerializer<T> forValue(T value) {
    if (value instanceof VoidNamespace) {
      return (TypeSerializer<T>) (TypeSerializer) VoidNamespaceSerializer.INSTANCE;
    }
    if (value instanceof Window) {
      return (TypeSerializer<T>) (TypeSerializer) WindowSerializer.INSTANCE;
    }
    if (value instanceof Map<?, ?> map && !map.isEmpty() && map.keySet().iterator().next() instanceof Window
        && map.values().iterator().next() instanceof Window) {
      return (TypeSerializer<T>) new MapSerializer(WindowSerializer.INSTANCE, WindowSerializer.INSTANCE);
    }
    if (value instanceof TimestampedValue<?>) {
      return (TypeSerializer<T>) (TypeSerializer) new TimestampedValueSerializer();
    }
    return TypeExtractor.getForObject(value).createSerializer();
  }
}
