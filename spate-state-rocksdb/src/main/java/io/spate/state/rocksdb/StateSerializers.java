package io.spate.state.rocksdb;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.MapSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.StateDescriptor;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.evictors.TimestampedValue;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.api.windowing.windows.Window;
import io.spate.runtime.state.VoidNamespace;
import java.io.IOException;
import java.util.Map;

/** Chooses the serializers that turn keys, namespaces and values of RocksDB state into bytes. */
final class StateSerializers {

  private StateSerializers() {}

  /**
   * The serializer of {@code type}, or, where the runtime declares a state only as {@code Object}
   * (window contents, internal bookkeeping), one that takes its type from the first value it sees.
   */
  static <T> TypeSerializer<T> forType(String stateName, Class<?> typeClass, TypeInfoSupplier<T> type) {
    if (typeClass != Object.class) {
      try {
        return type.get().createSerializer();
      } catch (InvalidTypesException e) {
        // declared as a raw class (such as HashMap) by the runtime itself: learn from the values
      }
    }
    return new FirstValueSerializer<>(stateName);
  }

  /** The value serializer of a list, value or reducing state. */
  static <T> TypeSerializer<T> forDescriptor(StateDescriptor<?, T> descriptor) {
    return forType(descriptor.getName(), descriptor.getTypeClass(), descriptor::getTypeInformation);
  }

  /** Supplies a type information that may fail to derive. */
  @FunctionalInterface
  interface TypeInfoSupplier<T> {
    TypeInformation<T> get();
  }

  /** A serializer for values like {@code value}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static <T> TypeSerializer<T> forValue(T value) {
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

  /** The evicting window operator's elements: the timestamp, then the value. */
  static final class TimestampedValueSerializer extends TypeSerializer<TimestampedValue<Object>> {
    private static final long serialVersionUID = 1L;
    private final FirstValueSerializer<Object> values = new FirstValueSerializer<>("window element");

    @Override
    public void serialize(TimestampedValue<Object> value, DataOutputView target) throws IOException {
      target.writeLong(value.getTimestamp());
      values.serialize(value.getValue(), target);
    }

    @Override
    public TimestampedValue<Object> deserialize(DataInputView source) throws IOException {
      long timestamp = source.readLong();
      return new TimestampedValue<>(values.deserialize(source), timestamp);
    }

    @Override
    public TimestampedValue<Object> copy(TimestampedValue<Object> value) {
      return new TimestampedValue<>(values.copy(value.getValue()), value.getTimestamp());
    }

    @Override
    public TypeSerializer<TimestampedValue<Object>> duplicate() {
      return new TimestampedValueSerializer();
    }
  }

  /** Namespaces of key-scoped state take no bytes. */
  static final class VoidNamespaceSerializer extends TypeSerializer<VoidNamespace> {
    private static final long serialVersionUID = 1L;
    static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

    @Override
    public void serialize(VoidNamespace value, DataOutputView target) {}

    @Override
    public VoidNamespace deserialize(DataInputView source) {
      return VoidNamespace.INSTANCE;
    }

    @Override
    public VoidNamespace copy(VoidNamespace value) {
      return value;
    }

    @Override
    public TypeSerializer<VoidNamespace> duplicate() {
      return this;
    }

    @Override
    public boolean isImmutableType() {
      return true;
    }
  }

  /** The built-in windows: a tag byte, then start and end for time windows. */
  static final class WindowSerializer extends TypeSerializer<Window> {
    private static final long serialVersionUID = 1L;
    static final WindowSerializer INSTANCE = new WindowSerializer();
    private static final byte TIME = 1;
    private static final byte GLOBAL = 2;

    @Override
    public void serialize(Window value, DataOutputView target) throws IOException {
      if (value instanceof TimeWindow w) {
        target.writeByte(TIME);
        target.writeLong(w.getStart());
        target.writeLong(w.getEnd());
      } else if (value instanceof GlobalWindow) {
        target.writeByte(GLOBAL);
      } else {
        throw new IllegalArgumentException("The RocksDB state backend cannot store windows of " + value.getClass().getName()
            + " yet; only TimeWindow and GlobalWindow (use the hashmap state backend for custom windows).");
      }
    }

    @Override
    public Window deserialize(DataInputView source) throws IOException {
      byte tag = source.readByte();
      return switch (tag) {
        case TIME -> new TimeWindow(source.readLong(), source.readLong());
        case GLOBAL -> GlobalWindow.get();
        default -> throw new IOException("Corrupt input: unknown window tag " + tag);
      };
    }

    @Override
    public Window copy(Window value) {
      return value;
    }

    @Override
    public TypeSerializer<Window> duplicate() {
      return this;
    }

    @Override
    public boolean isImmutableType() {
      return true;
    }
  }

  /**
   * Takes its type from the first value serialized. The learned type must then fit every later value;
   * one of another class fails with a message naming the state rather than writing bytes that would
   * not read back.
   */
  static final class FirstValueSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final String stateName;
    private TypeSerializer<T> delegate;
    private Class<?> learnedClass;

    FirstValueSerializer(String stateName) {
      this.stateName = stateName;
    }

    @Override
    public void serialize(T value, DataOutputView target) throws IOException {
      if (delegate == null) {
        delegate = forValue(value);
        learnedClass = value.getClass();
      } else if (value.getClass() != learnedClass && !(value instanceof Map) && !(value instanceof Window)
          && !(value instanceof java.util.List)) {
        throw new IllegalStateException("State '" + stateName + "' first held a " + learnedClass.getName()
            + " and now gets a " + value.getClass().getName() + "; the RocksDB state backend needs one type per state:"
            + " declare the state's type in its descriptor.");
      }
      delegate.serialize(value, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
      if (delegate == null) {
        throw new IllegalStateException("State '" + stateName + "' has bytes but no known type");
      }
      return delegate.deserialize(source);
    }

    @Override
    public T copy(T value) {
      if (value == null) {
        return null;
      }
      if (delegate == null) {
        delegate = forValue(value);
        learnedClass = value.getClass();
      }
      return delegate.copy(value);
    }

    @Override
    public TypeSerializer<T> duplicate() {
      return new FirstValueSerializer<>(stateName);
    }
  }
}
