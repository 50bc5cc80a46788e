package io.spate.api.fs;

import java.io.File;
import java.nio.file.attribute.BasicFileAttributes;

/** The status of a local file, read once when it is made. */
final class LocalFileStatus implements FileStatus {

  private final File file;
  private final BasicFileAttributes attributes;

  LocalFileStatus(File file, BasicFileAttributes attributes) {
    this.file = file;
    this.attributes = attributes;
  }

  @Override
  public long getLen() {
    return attributes.isDirectory() ? 0 : attributes.size();
  }

  @Override
  public long getBlockSize() {
    return getLen();
  }

  @Override
  public short getReplication() {
    return 1;
  }

  @Override
  public long getModificationTime() {
    return attributes.lastModifiedTime().toMillis();
  }

  @Override
  public long getAccessTime() {
    return attributes.lastAccessTime().toMillis();
  }

  @Override
  public boolean isDir() {
    return attributes.isDirectory();
  }

  @Override
  public Path getPath() {
    return new Path(LocalFileSystem.SCHEME, null, file.getAbsolutePath());
  }

  @Override
  public String toString() {
    return "LocalFileStatus(" + file + ", " + (isDir() ? "directory" : getLen() + " bytes") + ")";
  }
}
