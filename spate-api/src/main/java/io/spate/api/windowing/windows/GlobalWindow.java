package io.spate.api.windowing.windows;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.SingletonSerializerSnapshot;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import java.io.IOException;

/** The one window that holds every record of a key; it never ends on its own. */
@PublicEvolving
public final class GlobalWindow extends Window {

  private static final long serialVersionUID = 1L;
  private static final GlobalWindow INSTANCE = new GlobalWindow();

  private GlobalWindow() {}

  /** The global window. */
  public static GlobalWindow get() {
    return INSTANCE;
  }

  @Override
  public long maxTimestamp() {
    return Long.MAX_VALUE;
  }

  private Object readResolve() {
    return INSTANCE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GlobalWindow;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "GlobalWindow";
  }

  // ---------------------------------------------------------------- Flink's serializer of the global window

  /** Serializes the global window as one byte; what {@code GlobalWindows.getWindowSerializer} returns. */
  @PublicEvolving
  public static class Serializer extends TypeSerializer<GlobalWindow> {

    private static final long serialVersionUID = 1L;

    /** The instance that snapshots restore; every instance serializes alike. */
    public static final Serializer INSTANCE = new Serializer();

    /** A serializer of the global window. */
    public Serializer() {}

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializer<GlobalWindow> duplicate() {
      return this;
    }

    /** The global window. */
    public GlobalWindow createInstance() {
      return GlobalWindow.INSTANCE;
    }

    @Override
    public GlobalWindow copy(GlobalWindow from) {
      return from;
    }

    /** {@code from}: there is one global window. */
    public GlobalWindow copy(GlobalWindow from, GlobalWindow reuse) {
      return from;
    }

    /** The fixed length of the serialized window: one byte. */
    public int getLength() {
      return 1;
    }

    @Override
    public void serialize(GlobalWindow record, DataOutputView target) throws IOException {
      target.writeByte(0);
    }

    @Override
    public GlobalWindow deserialize(DataInputView source) throws IOException {
      source.readByte();
      return GlobalWindow.INSTANCE;
    }

    /** As {@link #deserialize(DataInputView)}. */
    public GlobalWindow deserialize(GlobalWindow reuse, DataInputView source) throws IOException {
      return deserialize(source);
    }

    /** Copies the serialized window from {@code source} to {@code target}. */
    public void copy(DataInputView source, DataOutputView target) throws IOException {
      target.writeByte(source.readByte());
    }

    @Override
    public TypeSerializerSnapshot<GlobalWindow> snapshotConfiguration() {
      return new SingletonSerializerSnapshot<>(INSTANCE);
    }

    @Override
    public boolean equals(Object obj) {
      return obj != null && obj.getClass() == getClass();
    }

    @Override
    public int hashCode() {
      return Serializer.class.hashCode();
    }
  }
}
