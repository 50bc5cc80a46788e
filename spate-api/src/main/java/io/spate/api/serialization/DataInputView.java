package io.spate.api.serialization;

import io.spate.api.annotation.Public;
import java.io.DataInput;
import java.io.IOException;

/** The source that serializers read from. */
@Public
public interface DataInputView extends DataInput {

  /**
   * Reads an integer written by {@link DataOutputView#writeVarInt}.
   *
   * @throws IOException if the encoding is longer than five bytes, which means corrupt input
   */
  default int readVarInt() throws IOException {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = readByte();
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new IOException("Corrupt input: a variable-length integer is longer than 5 bytes");
  }
}
