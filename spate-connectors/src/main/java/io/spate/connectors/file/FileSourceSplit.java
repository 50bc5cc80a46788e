package io.spate.connectors.file;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.VersionedSerializer;
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
    return SERIALIZER;
  }

  private static final SimpleVersionedSerializer<FileSourceSplit> SERIALIZER =
      new VersionedSerializer<>("file source split", 1) {
        @Override
        protected void write(FileSourceSplit split, DataOutputSerializer out) throws IOException {
          out.writeUTF(split.path);
          out.writeLong(split.offset);
        }

        @Override
        protected FileSourceSplit read(DataInputDeserializer in) throws IOException {
          return new FileSourceSplit(in.readUTF(), in.readLong());
        }
      };
}
