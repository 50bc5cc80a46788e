package io.spate.api.serialization;

import io.spate.api.annotation.Internal;

/**
 * Base of the stateless serializers of immutable values: {@link #copy} returns its argument and
 * {@link #duplicate} returns this instance.
 *
 * @param <T> the serialized type
 */
@Internal
public abstract class ImmutableValueSerializer<T> extends TypeSerializer<T> {

  private static final long serialVersionUID = 1L;

  @Override
  public final T copy(T value) {
    return value;
  }

  @Override
  public final TypeSerializer<T> duplicate() {
    return this;
  }

  /**
   * A {@link SingletonSerializerSnapshot} if this serializer is its class's {@code INSTANCE}; else the
   * default.
   */
  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return SingletonSerializerSnapshot.isSingleton(this)
        ? new SingletonSerializerSnapshot<>(this)
        : super.snapshotConfiguration();
  }

  @Override
  public final boolean isImmutableType() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
