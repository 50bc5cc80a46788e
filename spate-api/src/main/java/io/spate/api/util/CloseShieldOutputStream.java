package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** Passes writes to a stream that someone else owns, and does not close it: {@link #close()} only flushes. */
@PublicEvolving
public class CloseShieldOutputStream extends OutputStream {

  private final OutputStream delegate;

  /** Shields {@code delegate} from being closed. */
  public CloseShieldOutputStream(OutputStream delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void write(int b) throws IOException {
    delegate.write(b);
  }

  @Override
  public void write(byte[] b) throws IOException {
    delegate.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    delegate.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    delegate.flush();
  }

  /** Flushes; the stream stays open for its owner. */
  @Override
  public void close() throws IOException {
    delegate.flush();
  }
}
