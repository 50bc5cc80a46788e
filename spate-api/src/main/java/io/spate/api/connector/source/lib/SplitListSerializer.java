package io.spate.api.connector.source.lib;

import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serializes a list of splits (an enumerator's checkpoint) with the serializer of one split. */
final class SplitListSerializer<S extends SourceSplit> implements SimpleVersionedSerializer<List<S>> {

  private static final int VERSION = 1;

  private final SimpleVersionedSerializer<S> splitSerializer;

  SplitListSerializer(SimpleVersionedSerializer<S> splitSerializer) {
    this.splitSerializer = splitSerializer;
  }

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(List<S> splits) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16 + 32 * splits.size());
    out.writeVarInt(splits.size());
    for (S split : splits) {
      byte[] bytes = splitSerializer.serialize(split);
      out.writeVarInt(splitSerializer.getVersion());
      out.writeVarInt(bytes.length);
      out.write(bytes);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public List<S> deserialize(int version, byte[] serialized) throws IOException {
    SerializerVersions.check("split list", VERSION, version);
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    int count = SerializerVersions.readLength(in);
    List<S> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int splitVersion = in.readVarInt();
      byte[] bytes = new byte[SerializerVersions.readLength(in)];
      in.readFully(bytes);
      splits.add(splitSerializer.deserialize(splitVersion, bytes));
    }
    SerializerVersions.checkFullyRead("split list", in);
    return splits;
  }
}
