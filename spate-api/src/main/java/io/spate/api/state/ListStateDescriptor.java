package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
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

  @Override
  public Type getType() {
    return Type.LIST;
  }
}
