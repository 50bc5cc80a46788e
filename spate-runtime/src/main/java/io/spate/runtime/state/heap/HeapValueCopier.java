package io.spate.runtime.state.heap;

import io.spate.api.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Copies a stored value of one heap state that a running snapshot still reads, before the task may
 * change it: lists and maps are new containers, their elements, values and TTL holders copies (user
 * objects through the serializer's {@code copy}, immutable ones shared). A value, reducing or
 * aggregating state's value of an immutable type comes back as it is.
 */
final class HeapValueCopier implements UnaryOperator<Object> {

  private final HeapStateSerializers serializers;

  HeapValueCopier(HeapStateSerializers serializers) {
    this.serializers = serializers;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object apply(Object stored) {
    switch (serializers.kind) {
      case LIST -> {
        List<Object> list = (List<Object>) stored;
        ArrayList<Object> copy = new ArrayList<>(list.size());
        for (Object element : list) {
          copy.add(copySingle(element));
        }
        return copy;
      }
      case MAP -> {
        Map<Object, Object> map = (Map<Object, Object>) stored;
        HashMap<Object, Object> copy = new HashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
        for (Map.Entry<Object, Object> e : map.entrySet()) {
          copy.put(e.getKey(), copySingle(e.getValue()));
        }
        return copy;
      }
      default -> {
        return copySingle(stored);
      }
    }
  }

  private Object copySingle(Object stored) {
    if (serializers.ttl) {
      TtlValue<?> ttl = (TtlValue<?>) stored;
      return new TtlValue<>(copyUserValue(serializers.value, ttl.value), ttl.lastAccess);
    }
    return copyUserValue(serializers.value, stored);
  }

  private static Object copyUserValue(TypeSerializer<Object> serializer, Object value) {
    return value == null || serializer.isImmutableType() ? value : serializer.copy(value);
  }
}
