package io.spate.api.serialization;

import io.spate.api.annotation.Public;
import java.io.IOException;

/**
 * An object that writes itself to a {@link DataOutputView} and reads itself back from a {@link
 * DataInputView}: {@code read} on a fresh instance restores what {@code write} wrote.
 */
@Public
public interface IOReadableWritable {

  /** Writes this object's content to {@code out}. */
  void write(DataOutputView out) throws IOException;

  /** Replaces this object's content with what {@code in} holds, as {@link #write} wrote it. */
  void read(DataInputView in) throws IOException;
}
