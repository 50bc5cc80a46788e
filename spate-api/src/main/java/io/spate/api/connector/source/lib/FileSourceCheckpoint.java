package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.SimpleVersionedSerializer;
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
    return Serializer.INSTANCE;
  }

  private enum Serializer implements SimpleVersionedSerializer<FileSourceCheckpoint> {
    INSTANCE;

    private static final int VERSION = 1;

    @Override
    public int getVersion() {
      return VERSION;
    }

    @Override
    public byte[] serialize(FileSourceCheckpoint checkpoint) throws IOException {
      DataOutputSerializer out = new DataOutputSerializer(256);
      out.writeBoolean(checkpoint.initialScanDone);
      out.writeVarInt(checkpoint.pendingSplits.size());
      for (FileSourceSplit split : checkpoint.pendingSplits) {
        out.writeUTF(split.path());
        out.writeLong(split.offset());
      }
      out.writeVarInt(checkpoint.discoveredPaths.size());
      for (String path : checkpoint.discoveredPaths) {
        out.writeUTF(path);
      }
      return out.getCopyOfBuffer();
    }

    @Override
    public FileSourceCheckpoint deserialize(int version, byte[] serialized) throws IOException {
      SerializerVersions.check("file source checkpoint", VERSION, version);
      DataInputDeserializer in = new DataInputDeserializer(serialized);
      try {
        boolean initialScanDone = in.readBoolean();
        int pendingCount = SerializerVersions.readLength(in);
        List<FileSourceSplit> pending = new ArrayList<>(pendingCount);
        for (int i = 0; i < pendingCount; i++) {
          pending.add(new FileSourceSplit(in.readUTF(), in.readLong()));
        }
        int discoveredCount = SerializerVersions.readLength(in);
        List<String> discovered = new ArrayList<>(discoveredCount);
        for (int i = 0; i < discoveredCount; i++) {
          discovered.add(in.readUTF());
        }
        SerializerVersions.checkFullyRead("file source checkpoint", in);
        return new FileSourceCheckpoint(pending, discovered, initialScanDone);
      } catch (IllegalArgumentException e) {
        throw new IOException("Corrupt file source checkpoint: " + e.getMessage(), e);
      }
    }
  }
}
