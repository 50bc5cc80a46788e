package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.util.Map;

/**
 * The snapshot of a {@link MapSerializer}: the snapshots of its key and value serializers.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
@Internal
public final class MapSerializerSnapshot<K, V>
    extends CompositeSerializerSnapshot<Map<K, V>, MapSerializer<K, V>> {

  /** For reading; {@link #readSnapshot} fills it in. */
  public MapSerializerSnapshot() {
    super(MapSerializer.class);
  }

  /** The snapshot of {@code serializer}. */
  public MapSerializerSnapshot(MapSerializer<K, V> serializer) {
    super(MapSerializer.class, serializer);
  }

  @Override
  protected String[] nestedRoles() {
    return new String[] {"the key", "the value"};
  }

  @Override
  protected TypeSerializer<?>[] nestedSerializers(MapSerializer<K, V> serializer) {
    return new TypeSerializer<?>[] {serializer.getKeySerializer(), serializer.getValueSerializer()};
  }

  @Override
  @SuppressWarnings("unchecked")
  protected MapSerializer<K, V> createSerializer(TypeSerializer<Object>[] nested) {
    return new MapSerializer<>((TypeSerializer<K>) nested[0], (TypeSerializer<V>) nested[1]);
  }
}
