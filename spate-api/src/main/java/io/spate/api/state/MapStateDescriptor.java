package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.serialization.MapSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a {@link MapState} or a {@link BroadcastState}.
 *
 * @param <UK> the user key type
 * @param <UV> the user value type
 */
@PublicEvolving
@SuppressWarnings({"unchecked", "rawtypes"})
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {

  private static final long serialVersionUID = 1L;

  private final Class<UK> keyClass;
  private final Class<UV> valueClass;
  private TypeInformation<UK> keyType;
  private TypeInformation<UV> valueType;

  /** A map state named {@code name} from {@code keyClass} to {@code valueClass}. */
  public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
    super(name, (Class) Map.class);
    this.keyClass = Objects.requireNonNull(keyClass, "The key class of state '" + name + "' must not be null.");
    this.valueClass = Objects.requireNonNull(valueClass, "The value class of state '" + name + "' must not be null.");
  }

  /** A map state named {@code name} from {@code keyType} to {@code valueType}. */
  public MapStateDescriptor(String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
    super(name, (Class) Map.class);
    this.keyType = Objects.requireNonNull(keyType, "The key type of state '" + name + "' must not be null.");
    this.valueType = Objects.requireNonNull(valueType, "The value type of state '" + name + "' must not be null.");
    this.keyClass = keyType.getTypeClass();
    this.valueClass = valueType.getTypeClass();
  }

  /** A map state named {@code name} whose keys {@code keySerializer} and values {@code valueSerializer} write. */
  public MapStateDescriptor(String name, TypeSerializer<UK> keySerializer, TypeSerializer<UV> valueSerializer) {
    super(name, (TypeSerializer) new MapSerializer<>(
        Objects.requireNonNull(keySerializer, "The key serializer of state '" + name + "' must not be null."),
        Objects.requireNonNull(valueSerializer, "The value serializer of state '" + name + "' must not be null.")));
    this.keyClass = (Class) Object.class;
    this.valueClass = (Class) Object.class;
  }

  /**
   * Creates the map's serializer from the key and value type information with {@code
   * executionConfig}'s serializer settings, unless the descriptor has one already.
   */
  @Override
  public void initializeSerializerUnlessSet(ExecutionConfig executionConfig) {
    Objects.requireNonNull(executionConfig, "executionConfig");
    if (!isSerializerInitialized()) {
      initializeSerializer(new MapSerializer<>(
          getKeyTypeInformation().createSerializer(executionConfig.getSerializerConfig()),
          getValueTypeInformation().createSerializer(executionConfig.getSerializerConfig())));
    }
  }

  /**
   * The serializer of the user keys.
   *
   * @throws IllegalStateException if the descriptor has no serializer yet
   */
  public TypeSerializer<UK> getKeySerializer() {
    return ((MapSerializer<UK, UV>) (TypeSerializer) getSerializer()).getKeySerializer();
  }

  /**
   * The serializer of the user values.
   *
   * @throws IllegalStateException if the descriptor has no serializer yet
   */
  public TypeSerializer<UV> getValueSerializer() {
    return ((MapSerializer<UK, UV>) (TypeSerializer) getSerializer()).getValueSerializer();
  }

  /** The type information of the user keys. */
  public synchronized TypeInformation<UK> getKeyTypeInformation() {
    if (keyType == null) {
      keyType = TypeInformation.of(keyClass);
    }
    return keyType;
  }

  /** The type information of the user values. */
  public synchronized TypeInformation<UV> getValueTypeInformation() {
    if (valueType == null) {
      valueType = TypeInformation.of(valueClass);
    }
    return valueType;
  }

  @Override
  public Type getType() {
    return Type.MAP;
  }
}
