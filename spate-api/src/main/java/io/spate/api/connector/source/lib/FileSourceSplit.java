package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.util.Objects;

/**
 * One file of a {@link FileSource}, with the byte offset of the next line to read.
 *
 * @param path the file
 * @param offset the byte offset at which the next unread line starts
 */
public record FileSourceSplit(String path, long offset) implements SourceSplit {

  /** Checks the fields. */
  public FileSourceSplit {
    Objects.requireNonNull(path, "path");
    if (offset < 0) {
      throw new IllegalArgumentException(
          "A file split needs a non-negative offset, but " + path + " has " + offset);
    }
  }

  /** The path: a source reads each file once, so the path identifies the split. */
  @Override
  public String splitId() {
    return path;
  }

  /** The serializer of these splits. */
  public static SimpleVersionedSerializer<FileSourceSplit> serializer() {
    return Serializer.INSTANCE;
  }

  private enum Serializer implements SimpleVersionedSerializer<FileSourceSplit> {
    INSTANCE;

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(FileSourceSplit split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(16 + split.path.length());
      out.writeUTF(split.path);
      out.writeLong(split.offset);
      return out.getCopyOfBuffer();
    }

    @Override
    public FileSourceSplit deserialize(int version, byte[] serialized) throws IOException {
      SerializerVersions.check("file source split", VERSION, version);
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      FileSourceSplit split;
      try {
        split = new FileSourceSplit(in.readUTF(), in.readLong());
      } catch (IllegalArgumentException e) {
        throw new IOException("Corrupt file source split: " + e.getMessage(), e);
      }
      SerializerVersions.checkFullyRead("file source split", in);
      return split;
    }
  }
}
