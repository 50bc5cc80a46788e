package io.spate.runtime.state.serialization;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.SingletonSerializerSnapshot;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.operators.state.VoidNamespace;

/** The namespace of key-scoped state: takes no bytes. */
public final class VoidNamespaceSerializer extends TypeSerializer<VoidNamespace> {
  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final VoidNamespaceSerializer INSTANCE = new VoidNamespaceSerializer();

  private VoidNamespaceSerializer() {}

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

  @Override
  public TypeSerializerSnapshot<VoidNamespace> snapshotConfiguration() {
    return new SingletonSerializerSnapshot<>(this);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
