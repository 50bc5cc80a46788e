package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serializes a list of splits (an enumerator's checkpoint) with the serializer of one split. */
final class SplitListSerializer<S extends SourceSplit> extends VersionedSerializer<List<S>> {

  private final SimpleVersionedSerializer<S> splitSerializer;

  SplitListSerializer(SimpleVersionedSerializer<S> splitSerializer) {
    super("split list", 1);
    this.splitSerializer = splitSerializer;
  }

  @Override
  protected void write(List<S> splits, DataOutputSerializer out) throws IOException {
    out.writeVarInt(splits.size());
    for (S split : splits) {
      byte[] bytes = splitSerializer.serialize(split);
      out.writeVarInt(splitSerializer.getVersion());
      out.writeVarInt(bytes.length);
      out.write(bytes);
    }
  }

  @Override
  protected List<S> read(DataInputDeserializer in) throws IOException {
    int count = readLength(in);
    List<S> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int splitVersion = in.readVarInt();
      byte[] bytes = new byte[readLength(in)];
      in.readFully(bytes);
      splits.add(splitSerializer.deserialize(splitVersion, bytes));
    }
    return splits;
  }
}
