package io.spate.connectors.file;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Serializes strings (such as bucket ids) as their UTF-8 bytes after a length. */
public final class SimpleVersionedStringSerializer implements SimpleVersionedSerializer<String> {

  /** The one instance. */
  public static final SimpleVersionedStringSerializer INSTANCE = new SimpleVersionedStringSerializer();

  private static final int VERSION = 1;

  private SimpleVersionedStringSerializer() {}

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(Integer.BYTES + utf8.length).putInt(utf8.length).put(utf8).array();
  }

  @Override
  public String deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("A string written by serializer version " + version + " cannot be read: this"
          + " serializer reads version " + VERSION);
    }
    ByteBuffer bytes = ByteBuffer.wrap(serialized);
    if (serialized.length < Integer.BYTES || bytes.getInt() != serialized.length - Integer.BYTES) {
      throw new IOException("Corrupt serialized string: " + serialized.length + " bytes do not hold the length"
          + " they announce");
    }
    return new String(serialized, Integer.BYTES, serialized.length - Integer.BYTES, StandardCharsets.UTF_8);
  }
}
