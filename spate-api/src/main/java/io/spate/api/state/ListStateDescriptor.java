package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.TypeInformation;

/**
 * Describes a {@link ListState}.
 *
 * @param <T> the element type
 */
@PublicEvolving
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {

  private static final long serialVersionUID = 1L;

  /** A list state named {@code name} of elements of {@code elementType}. */
  public ListStateDescriptor(String name, Class<T> elementType) {
    super(name, elementType);
  }

  /** A list state named {@code name} of elements of {@code elementType}. */
  public ListStateDescriptor(String name, TypeInformation<T> elementType) {
    super(name, elementType);
  }

  /** A list state named {@code name} whose elements {@code elementSerializer} writes. */
  public ListStateDescriptor(String name, TypeSerializer<T> elementSerializer) {
    super(name, elementSerializer);
  }

  /**
   * The serializer of the elements (the descriptor's serializer: Spate describes a list state by its
   * element type).
   *
   * @throws IllegalStateException if there is none yet
   */
  public TypeSerializer<T> getElementSerializer() {
    return getSerializer();
  }

  @Override
  public Type getType() {
    return Type.LIST;
  }
}
