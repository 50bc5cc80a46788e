package io.spate.api.connector.source.lib;

import io.spate.api.serialization.DataInputDeserializer;
import java.io.EOFException;
import java.io.IOException;

/** The checks every versioned serializer of this package makes on what it reads. */
final class SerializerVersions {

  private SerializerVersions() {}

  /** Fails unless {@code version} is the one format {@code what} has so far. */
  static void check(String what, int expected, int version) throws IOException {
    if (version != expected) {
      throw new IOException(
          "Cannot read a " + what + " of format version " + version + ": this code reads version "
              + expected + " only");
    }
  }

  /** Reads a length and rejects one that the remaining bytes cannot hold. */
  static int readLength(DataInputDeserializer in) throws IOException {
    int length = in.readVarInt();
    if (length < 0 || length > in.available()) {
      throw new EOFException(
          "Corrupt input: a length of " + length + " with " + in.available() + " bytes left");
    }
    return length;
  }

  /** Fails if bytes are left over, which means the input was not what the reader expected. */
  static void checkFullyRead(String what, DataInputDeserializer in) throws IOException {
    if (in.available() != 0) {
      throw new IOException("Corrupt " + what + ": " + in.available() + " unexpected trailing bytes");
    }
  }
}
