package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.ListSerializer;
import io.spate.api.serialization.TypeSerializer;
import java.util.List;

/**
 * Type information of {@link List}s of one element type. Elements may be null; deserialized lists
 * are {@link java.util.ArrayList}s in the original order.
 *
 * @param <E> the element type
 */
@PublicEvolving
public final class ListTypeInfo<E> extends ElementContainerTypeInfo<List<E>, E> {

  private static final long serialVersionUID = 1L;

  /** Creates the type information of lists of {@code elementType}. */
  public ListTypeInfo(TypeInformation<E> elementType) {
    super(elementType, List.class, "a list", "; use an array or a record");
  }

  @Override
  public TypeSerializer<List<E>> createSerializer() {
    return new ListSerializer<>(elementType.createSerializer());
  }

  /** Combines the elements' key hashes in order, like {@link List#hashCode()}. */
  @Override
  public int keyHash(List<E> value) {
    int hash = 1;
    for (E element : value) {
      hash = 31 * hash + (element == null ? 0 : elementType.keyHash(element));
    }
    return hash;
  }

  // Flink's names for the element type, and its constructor from a class.

  /** The type information of the list of {@code elementClass}, derived by reflection. */
  public ListTypeInfo(Class<E> elementClass) {
    this(TypeExtractor.createTypeInfo(elementClass));
  }

  /** The type of the elements; Flink's name for {@link #getElementType()}. */
  public TypeInformation<E> getElementTypeInfo() {
    return elementType;
  }
}
