package io.spate.api.serialization;

import io.spate.api.annotation.Public;
import java.io.DataOutput;
import java.io.IOException;

/** The target that serializers write to. */
@Public
public interface DataOutputView extends DataOutput {

  /**
   * Writes {@code value} as an unsigned variable-length integer (7 bits per byte, low bits first):
   * one byte below 128, at most five bytes. Meant for lengths and counts, which are small and never
   * negative.
   */
  default void writeVarInt(int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      writeByte((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    writeByte(value);
  }
}
