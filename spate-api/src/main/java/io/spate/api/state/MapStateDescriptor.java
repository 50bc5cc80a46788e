package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
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
