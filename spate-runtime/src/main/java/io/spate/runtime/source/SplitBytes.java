package io.spate.runtime.source;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;

/**
 * A source split as bytes: the split serializer's version, then what it wrote. Splits travel and
 * are stored this way, so that only code that has the source's classes ever reads them.
 */
public final class SplitBytes {

  private SplitBytes() {}

  /** {@code split} written by {@code serializer}, prefixed with the serializer's version. */
  public static <S> byte[] serialize(SimpleVersionedSerializer<S> serializer, S split) throws IOException {
    byte[] bytes = serializer.serialize(split);
    DataOutputSerializer out = new DataOutputSerializer(bytes.length + Integer.BYTES);
    out.writeInt(serializer.getVersion());
    out.write(bytes);
    return out.getCopyOfBuffer();
  }

  /** The split in {@code bytes}, written by {@link #serialize} with a version {@code serializer} reads. */
  public static <S> S deserialize(SimpleVersionedSerializer<S> serializer, byte[] bytes) throws IOException {
    if (bytes.length < Integer.BYTES) {
      throw new IOException("a serialized split of " + bytes.length + " bytes has no version");
    }
    DataInputDeserializer in = new DataInputDeserializer(bytes);
    int version = in.readInt();
    byte[] split = new byte[bytes.length - Integer.BYTES];
    in.readFully(split);
    return serializer.deserialize(version, split);
  }
}
