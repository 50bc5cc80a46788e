package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;

/** Thrown for a URI whose scheme names a file system that Spate does not have. */
@PublicEvolving
public class UnsupportedFileSystemSchemeException extends IOException {

  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public UnsupportedFileSystemSchemeException(String message) {
    super(message);
  }

  /** An exception with {@code message} and {@code cause}. */
  public UnsupportedFileSystemSchemeException(String message, Throwable cause) {
    super(message, cause);
  }
}
