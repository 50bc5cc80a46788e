package io.spate.connectors.file;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.fs.Path;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a {@link FileSource} and how far it was read: the byte offset at which reading
 * resumes and how many records after that offset were already emitted (non-zero only for formats
 * that cannot report exact offsets).
 */
public final class FileSourceSplit implements SourceSplit {

  private final String file;
  private final long offset;
  private final long recordsToSkip;

  /** The file {@code file}, to be read from byte {@code offset}. */
  public FileSourceSplit(String file, long offset) {
    this(file, offset, 0);
  }

  /**
   * The file {@code file}, to be read from byte {@code offset} (or {@link
   * CheckpointedPosition#NO_OFFSET}) after skipping {@code recordsToSkip} records.
   */
  public FileSourceSplit(String file, long offset, long recordsToSkip) {
    this.file = Objects.requireNonNull(file, "file");
    if ((offset < 0 && offset != CheckpointedPosition.NO_OFFSET) || recordsToSkip < 0) {
      throw new IllegalArgumentException("A file split needs a non-negative offset and record count, but "
          + file + " has offset " + offset + " and " + recordsToSkip + " records to skip");
    }
    this.offset = offset;
    this.recordsToSkip = recordsToSkip;
  }

  /** The file as a {@code file:} path. */
  public Path path() {
    return Path.fromLocalFile(new File(file));
  }

  /** The file as the local path the enumerator found. */
  public String localPath() {
    return file;
  }

  /** The byte offset at which reading resumes. */
  public long offset() {
    return offset;
  }

  /** How many records after {@link #offset()} were already emitted. */
  public long recordsToSkip() {
    return recordsToSkip;
  }

  /** Where a restored reader resumes; empty for a split that was not read yet. */
  public Optional<CheckpointedPosition> getReaderPosition() {
    return offset == 0 && recordsToSkip == 0
        ? Optional.empty()
        : Optional.of(new CheckpointedPosition(offset, recordsToSkip));
  }

  /** This split, to be resumed at {@code position} (or from its start if null). */
  public FileSourceSplit updateWithCheckpointedPosition(CheckpointedPosition position) {
    return position == null
        ? new FileSourceSplit(file, 0, 0)
        : new FileSourceSplit(file, position.getOffset(), position.getRecordsAfterOffset());
  }

  /** The path: a source reads each file once, so the path identifies the split. */
  @Override
  public String splitId() {
    return file;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FileSourceSplit that
        && file.equals(that.file) && offset == that.offset && recordsToSkip == that.recordsToSkip;
  }

  @Override
  public int hashCode() {
    return (file.hashCode() * 31 + Long.hashCode(offset)) * 31 + Long.hashCode(recordsToSkip);
  }

  @Override
  public String toString() {
    return "FileSourceSplit(" + file + " @ " + offset + (recordsToSkip > 0 ? " + " + recordsToSkip + " records" : "")
        + ")";
  }

  /** The serializer of these splits. */
  public static SimpleVersionedSerializer<FileSourceSplit> serializer() {
    return SERIALIZER;
  }

  private static final SimpleVersionedSerializer<FileSourceSplit> SERIALIZER = new SplitSerializer();

  /**
   * Version 2 adds the records to skip; version 1 (path and offset) is still read, so that
   * checkpoints taken before stay restorable.
   */
  private static final class SplitSerializer implements SimpleVersionedSerializer<FileSourceSplit> {

    private static final int VERSION = 2;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(FileSourceSplit split) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer();
      out.writeUTF(split.file);
      out.writeLong(split.offset);
      out.writeLong(split.recordsToSkip);
      return out.getCopyOfBuffer();
    }

    @Override
    public FileSourceSplit deserialize(int version, byte[] serialized) throws IOException {
      if (version != 1 && version != VERSION) {
        throw new IOException("Cannot read a file source split of format version " + version
            + ": this code reads versions 1 and " + VERSION);
      }
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      FileSourceSplit split;
      try {
        split = new FileSourceSplit(in.readUTF(), in.readLong(), version == 1 ? 0 : in.readLong());
      } catch (IllegalArgumentException e) {
        throw new IOException("Corrupt file source split: " + e.getMessage(), e);
      } catch (EOFException e) {
        throw new IOException("Corrupt file source split: it ends early", e);
      }
      if (in.available() != 0) {
        throw new IOException("Corrupt file source split: " + in.available() + " unexpected trailing bytes");
      }
      return split;
    }
  }
}
