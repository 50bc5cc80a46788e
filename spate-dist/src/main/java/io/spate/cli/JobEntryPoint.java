package io.spate.cli;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds where a job jar starts: the manifest's {@code Main-Class} and its {@code public static void
 * main(String[])}. The CLI and the REST jar routes word the problems for their own users.
 */
final class JobEntryPoint {

  /** What keeps a class from being a job's entry point. */
  enum Problem { NOT_FOUND, NOT_LOADABLE, NO_MAIN }

  /** A class that is not a job's entry point, and why. */
  static final class NotRunnable extends Exception {
    private static final long serialVersionUID = 1L;
    final Problem problem;

    NotRunnable(Problem problem, Throwable cause) {
      super(problem.name(), cause);
      this.problem = problem;
    }
  }

  private JobEntryPoint() {}

  /** The {@code Main-Class} the jar's manifest names, or null if it names none. */
  static String manifestMainClass(Path jar) throws IOException {
    Manifest manifest;
    try (JarFile contents = new JarFile(jar.toFile())) {
      manifest = contents.getManifest();
    }
    String name = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
    return name == null || name.isBlank() ? null : name.trim();
  }

  /** The accessible {@code public static void main(String[])} of {@code className} in {@code loader}. */
  static Method mainMethod(ClassLoader loader, String className) throws NotRunnable {
    Class<?> mainClass;
    try {
      mainClass = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new NotRunnable(Problem.NOT_FOUND, e);
    } catch (LinkageError e) {
      throw new NotRunnable(Problem.NOT_LOADABLE, e);
    }
    Method main;
    try {
      main = mainClass.getMethod("main", String[].class);
    } catch (NoSuchMethodException e) {
      main = null;
    } catch (LinkageError e) {
      throw new NotRunnable(Problem.NOT_LOADABLE, e);
    }
    if (main == null || !Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
      throw new NotRunnable(Problem.NO_MAIN, null);
    }
    main.setAccessible(true);
    return main;
  }
}
