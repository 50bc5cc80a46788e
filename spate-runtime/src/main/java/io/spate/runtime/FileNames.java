package io.spate.runtime;

/**
 * Turns names of operators, jobs and jars into parts of file names that any file system accepts.
 *
 * <p>A plain loop, not a regular expression: this runs as checkpoints are written, inside the
 * processes that run user code, and the first call of a JDK regular expression there used to make
 * the JIT throw away its compiled code of the regular expressions of the user's functions (their
 * call sites saw new pattern node classes), which then ran interpreted until compiled again.
 */
public final class FileNames {

  private FileNames() {}

  /** {@code name} with each character other than ASCII letters, digits, '.', '_' and '-' replaced by '_'. */
  public static String safe(String name) {
    char[] chars = name.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (!allowed(chars[i])) {
        chars[i] = '_';
      }
    }
    return new String(chars);
  }

  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '-';
  }
}
