package io.spate.connectors.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * The decompressors a {@link FileSource} applies by file extension: {@code .gz} and {@code .gzip}
 * (gzip) and {@code .deflate} (zlib). Files of the other formats Flink reads ({@code .bz2}, {@code
 * .xz}, {@code .zst}) are refused with an error that says so, rather than read as raw bytes.
 */
public final class StandardDeCompressors {

  private static final InflaterInputStreamFactory<GZIPInputStream> GZIP = new Factory<>(List.of("gz", "gzip")) {
    @Override
    public GZIPInputStream create(InputStream in) throws IOException {
      return new GZIPInputStream(in, 64 * 1024);
    }
  };

  private static final InflaterInputStreamFactory<InflaterInputStream> DEFLATE = new Factory<>(List.of("deflate")) {
    @Override
    public InflaterInputStream create(InputStream in) {
      return new InflaterInputStream(in);
    }
  };

  private static final Map<String, InflaterInputStreamFactory<?>> BY_EXTENSION =
      Map.of("gz", GZIP, "gzip", GZIP, "deflate", DEFLATE);

  /** Compression formats Spate recognises but cannot decompress, by extension. */
  private static final Map<String, String> UNSUPPORTED = Map.of("bz2", "bzip2", "xz", "xz", "zst", "zstd");

  private StandardDeCompressors() {}

  /** The extensions, without the dot, of the files that are decompressed. */
  public static Collection<String> getCommonSuffixes() {
    return Set.copyOf(BY_EXTENSION.keySet());
  }

  /** The decompressor of files with extension {@code extension} (without the dot, any case), or null. */
  public static InflaterInputStreamFactory<?> getDecompressorForExtension(String extension) {
    return BY_EXTENSION.get(extension.toLowerCase(Locale.ROOT));
  }

  /** The decompressor of the file named {@code fileName} by its extension, or null. */
  public static InflaterInputStreamFactory<?> getDecompressorForFileName(String fileName) {
    String extension = extension(fileName);
    return extension == null ? null : getDecompressorForExtension(extension);
  }

  /**
   * The decompressor of the file named {@code fileName}, or null if it is not compressed.
   *
   * @throws IOException naming the file and its format if Spate cannot decompress it
   */
  static InflaterInputStreamFactory<?> forFile(String fileName) throws IOException {
    String extension = extension(fileName);
    if (extension == null) {
      return null;
    }
    String unsupported = UNSUPPORTED.get(extension.toLowerCase(Locale.ROOT));
    if (unsupported != null) {
      throw new IOException("File source: '" + fileName + "' is compressed with " + unsupported + ", which Spate"
          + " cannot decompress (it reads ." + String.join(", .", List.of("gz", "gzip", "deflate"))
          + " files): decompress it first");
    }
    return getDecompressorForExtension(extension);
  }

  private static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return dot > slash + 1 && dot < fileName.length() - 1 ? fileName.substring(dot + 1) : null;
  }

  private abstract static class Factory<T extends InputStream> implements InflaterInputStreamFactory<T> {

    private final List<String> extensions;

    Factory(List<String> extensions) {
      this.extensions = extensions;
    }

    @Override
    public Collection<String> getCommonFileExtensions() {
      return extensions;
    }
  }
}
