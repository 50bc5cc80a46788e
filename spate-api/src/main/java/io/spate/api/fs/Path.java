package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.IOReadableWritable;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file or directory name as a URI, shaped like Flink's {@code Path}: an optional scheme and
 * authority and a path whose separators are {@code /}. Construction normalises the path: backslashes
 * become slashes, repeated slashes collapse, a trailing slash goes (except for the root), and
 * {@code .} and {@code ..} segments are resolved as {@link URI#normalize()} does.
 */
@PublicEvolving
public final class Path implements IOReadableWritable, Comparable<Path>, Serializable {

  private static final long serialVersionUID = 1L;

  /** The separator of path segments. */
  public static final String SEPARATOR = "/";

  /** The separator of path segments, as a char. */
  public static final char SEPARATOR_CHAR = '/';

  /** The name of the current directory. */
  public static final String CUR_DIR = ".";

  private static final Pattern WINDOWS_ROOT_DIR = Pattern.compile("/\\p{Alpha}+:/");
  private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

  private URI uri;

  /** Only for serialization frameworks that need a no-argument constructor. */
  public Path() {}

  /** The path of {@code uri}, normalised. */
  public Path(URI uri) {
    this.uri = Objects.requireNonNull(uri, "uri").normalize();
  }

  /** {@code child} resolved against {@code parent}. */
  public Path(String parent, String child) {
    this(new Path(parent), new Path(child));
  }

  /** {@code child} resolved against {@code parent}. */
  public Path(Path parent, String child) {
    this(parent, new Path(child));
  }

  /** {@code child} resolved against {@code parent}. */
  public Path(String parent, Path child) {
    this(new Path(parent), child);
  }

  /**
   * {@code child} resolved against {@code parent}; a child that starts with {@code /} is taken as
   * relative to the parent, as in Flink.
   */
  public Path(Path parent, Path child) {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(child, "child");
    URI parentUri = parent.uri;
    String parentPath = parentUri.getPath();
    if (!(parentPath.equals(SEPARATOR) || parentPath.isEmpty())) {
      parentUri = uri(parentUri.getScheme(), parentUri.getAuthority(), parentPath + SEPARATOR);
    }
    URI childUri = child.uri;
    if (childUri.getPath().startsWith(SEPARATOR)) {
      childUri = uri(childUri.getScheme(), childUri.getAuthority(), childUri.getPath().substring(1));
    }
    URI resolved = parentUri.resolve(childUri);
    initialize(resolved.getScheme(), resolved.getAuthority(), resolved.getPath());
  }

  /**
   * Parses {@code pathString}: {@code scheme:} before the first slash, then {@code //authority},
   * then the path (no query or fragment).
   */
  public Path(String pathString) {
    String text = checkPathArg(pathString);
    if (hasWindowsDrive(text, false)) {
      text = SEPARATOR + text;
    }
    String scheme = null;
    int start = 0;
    int colon = text.indexOf(':');
    int slash = text.indexOf('/');
    if (colon != -1 && (slash == -1 || colon < slash)) {
      scheme = text.substring(0, colon);
      start = colon + 1;
    }
    String authority = null;
    if (text.startsWith("//", start) && text.length() - start > 2) {
      int nextSlash = text.indexOf('/', start + 2);
      int authorityEnd = nextSlash > 0 ? nextSlash : text.length();
      authority = text.substring(start + 2, authorityEnd);
      start = authorityEnd;
    }
    initialize(scheme, authority, text.substring(start));
  }

  /** The path with the given scheme, authority (either may be null) and path. */
  public Path(String scheme, String authority, String path) {
    String checked = checkPathArg(path);
    if (hasWindowsDrive(checked, false)) {
      checked = SEPARATOR + checked;
    }
    initialize(scheme, authority, checked);
  }

  /** The path of a local file, with the {@code file} scheme. */
  public static Path fromLocalFile(File file) {
    return new Path(Objects.requireNonNull(file, "file").toURI());
  }

  private static String checkPathArg(String path) {
    if (path == null) {
      throw new IllegalArgumentException("Can not create a Path from a null string");
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException("Can not create a Path from an empty string");
    }
    return path;
  }

  private void initialize(String scheme, String authority, String path) {
    this.uri = uri(scheme, authority, normalizePath(path)).normalize();
  }

  private static URI uri(String scheme, String authority, String path) {
    try {
      return new URI(scheme, authority, path, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a valid path: scheme " + scheme + ", authority " + authority
          + ", path '" + path + "': " + e.getMessage(), e);
    }
  }

  private static String normalizePath(String path) {
    String normalized = REPEATED_SLASHES.matcher(path.replace('\\', '/')).replaceAll(SEPARATOR);
    if (normalized.endsWith(SEPARATOR) && !normalized.equals(SEPARATOR)
        && !WINDOWS_ROOT_DIR.matcher(normalized).matches()) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return normalized;
  }

  private static boolean hasWindowsDrive(String path, boolean slashed) {
    int start = slashed ? 1 : 0;
    if (path.length() < start + 2 || (slashed && path.charAt(0) != '/') || path.charAt(start + 1) != ':') {
      return false;
    }
    char drive = path.charAt(start);
    return (drive >= 'A' && drive <= 'Z') || (drive >= 'a' && drive <= 'z');
  }

  /** Whether the path starts with a Windows drive letter, such as {@code C:}. */
  public boolean hasWindowsDrive() {
    return hasWindowsDrive(uri.getPath(), true);
  }

  /** The path as a URI. */
  public URI toUri() {
    return uri;
  }

  /** The file system this path belongs to, by its scheme. */
  public FileSystem getFileSystem() throws IOException {
    return FileSystem.get(uri);
  }

  /** Whether the path starts at a root (a slash, or a drive letter). */
  public boolean isAbsolute() {
    int start = hasWindowsDrive(uri.getPath(), true) ? 3 : 0;
    return uri.getPath().startsWith(SEPARATOR, start);
  }

  /** The last segment of the path. */
  public String getName() {
    String path = uri.getPath();
    return path.substring(path.lastIndexOf(SEPARATOR_CHAR) + 1);
  }

  /** The path part of the URI, without scheme and authority. */
  public String getPath() {
    return uri.getPath();
  }

  /** The path without its last segment; null at a root or for an empty path. */
  public Path getParent() {
    String path = uri.getPath();
    int lastSlash = path.lastIndexOf(SEPARATOR_CHAR);
    int start = hasWindowsDrive(path, true) ? 3 : 0;
    if (path.length() == start || (lastSlash == start && path.length() == start + 1)) {
      return null;
    }
    String parent;
    if (lastSlash == -1) {
      parent = CUR_DIR;
    } else {
      parent = path.substring(0, lastSlash == start ? start + 1 : lastSlash);
    }
    return new Path(uri.getScheme(), uri.getAuthority(), parent);
  }

  /** This path with {@code suffix} appended to its last segment. */
  public Path suffix(String suffix) {
    return new Path(getParent(), getName() + suffix);
  }

  /** How many segments the path has; 0 for the root. */
  public int depth() {
    String path = uri.getPath();
    if (path.equals(SEPARATOR)) {
      return 0;
    }
    int segments = 1;
    for (int i = 1; i < path.length(); i++) {
      if (path.charAt(i) == SEPARATOR_CHAR) {
        segments++;
      }
    }
    return segments;
  }

  /** This path with the scheme and authority of {@code fs}, made absolute against its working directory. */
  public Path makeQualified(FileSystem fs) {
    Path path = this;
    if (!isAbsolute()) {
      path = new Path(fs.getWorkingDirectory(), this);
    }
    URI pathUri = path.toUri();
    URI fsUri = fs.getUri();
    String scheme = pathUri.getScheme();
    String authority = pathUri.getAuthority();
    if (scheme != null && (authority != null || fsUri.getAuthority() == null)) {
      return path;
    }
    if (scheme == null) {
      scheme = fsUri.getScheme();
    }
    if (authority == null) {
      authority = fsUri.getAuthority();
    }
    return new Path(scheme, authority, pathUri.getPath());
  }

  /** Replaces this path with the one {@link #write} wrote to {@code in}; a corrupt one fails naming it. */
  @Override
  public void read(DataInputView in) throws IOException {
    if (!in.readBoolean()) {
      throw new IOException("Cannot read a Path: the input holds a null path (write it with"
          + " serializeToDataOutputView and read it with deserializeFromDataInputView to allow null)");
    }
    this.uri = parseUri(in.readUTF());
  }

  /** Writes this path as a flag and its URI's text. */
  @Override
  public void write(DataOutputView out) throws IOException {
    out.writeBoolean(true);
    out.writeUTF(uri.toString());
  }

  /** Writes {@code path}, which may be null, so that {@link #deserializeFromDataInputView} reads it back. */
  public static void serializeToDataOutputView(Path path, DataOutputView out) throws IOException {
    if (path == null) {
      out.writeBoolean(false);
    } else {
      path.write(out);
    }
  }

  /** Reads a path (or null) that {@link #serializeToDataOutputView} or {@link #write} wrote. */
  public static Path deserializeFromDataInputView(DataInputView in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    Path path = new Path();
    path.uri = parseUri(in.readUTF());
    return path;
  }

  private static URI parseUri(String text) throws IOException {
    try {
      return new URI(text).normalize();
    } catch (URISyntaxException e) {
      throw new IOException("Cannot read a Path: '" + text + "' is not a valid URI: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    if (uri.getScheme() != null) {
      text.append(uri.getScheme()).append(':');
    }
    if (uri.getAuthority() != null) {
      text.append("//").append(uri.getAuthority());
    }
    if (uri.getPath() != null) {
      String path = uri.getPath();
      if (path.indexOf('/') == 0 && hasWindowsDrive(path, true) && uri.getScheme() == null
          && uri.getAuthority() == null) {
        path = path.substring(1);
      }
      text.append(path);
    }
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Path that && uri.equals(that.uri);
  }

  @Override
  public int hashCode() {
    return uri.hashCode();
  }

  @Override
  public int compareTo(Path other) {
    return uri.compareTo(other.uri);
  }
}
