package io.spate.connectors.file;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoint of a {@link FileSource}'s enumerator: the files found but not yet handed to a
 * reader, every file found so far (so that none is read twice), and whether the first scan of the
 * path has completed.
 *
 * @param pendingSplits files found and not yet assigned
 * @param discoveredPaths every file found so far, assigned or not
 * @param initialScanDone whether the path was scanned at least once
 */
public record FileSourceCheckpoint(
    List<FileSourceSplit> pendingSplits, List<String> discoveredPaths, boolean initialScanDone) {

  /** Copies the lists. */
  public FileSourceCheckpoint {
    pendingSplits = List.copyOf(Objects.requireNonNull(pendingSplits, "pendingSplits"));
    discoveredPaths = List.copyOf(Objects.requireNonNull(discoveredPaths, "discoveredPaths"));
  }

  /** The serializer of these checkpoints. */
  public static SimpleVersionedSerializer<FileSourceCheckpoint> serializer() {
    return SERIALIZER;
  }

  private static final SimpleVersionedSerializer<FileSourceCheckpoint> SERIALIZER =
      new VersionedSerializer<>("file source checkpoint", 1) {
        @Override
        protected void write(FileSourceCheckpoint checkpoint, DataOutputSerializer out)
            throws IOException {
          out.writeBoolean(checkpoint.initialScanDone);
          out.writeVarInt(checkpoint.pendingSplits.size());
          for (FileSourceSplit split : checkpoint.pendingSplits) {
            if (split.recordsToSkip() != 0) {
              // Splits wait in the enumerator unread (or as a failed reader handed them back,
              // before any position with a record count), so format 1 has no field for the count.
              throw new IOException("File source checkpoint: the pending split " + split
                  + " carries a record count, which this checkpoint format cannot hold");
            }
            out.writeUTF(split.localPath());
            out.writeLong(split.offset());
          }
          out.writeVarInt(checkpoint.discoveredPaths.size());
          for (String path : checkpoint.discoveredPaths) {
            out.writeUTF(path);
          }
        }

        @Override
        protected FileSourceCheckpoint read(DataInputDeserializer in) throws IOException {
          boolean initialScanDone = in.readBoolean();
          int pendingCount = readLength(in);
          List<FileSourceSplit> pending = new ArrayList<>(pendingCount);
          for (int i = 0; i < pendingCount; i++) {
            pending.add(new FileSourceSplit(in.readUTF(), in.readLong()));
          }
          int discoveredCount = readLength(in);
          List<String> discovered = new ArrayList<>(discoveredCount);
          for (int i = 0; i < discoveredCount; i++) {
            discovered.add(in.readUTF());
          }
          return new FileSourceCheckpoint(pending, discovered, initialScanDone);
        }
      };
}
