package io.spate.runtime.classloading;

import io.spate.api.annotation.Internal;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;

/**
 * Loads a job's classes from its jars before those of the parent, so that a job's own libraries win,
 * while the JDK, SLF4J and Spate's API and runtime always come from the parent: a job that bundled
 * its own copy of the API would otherwise not see the environment the CLI or the TaskExecutor
 * prepared. Used by the CLI and the JobManager to run a job's main method, and by TaskExecutors to
 * run the job's tasks.
 */
@Internal
public final class ChildFirstClassLoader extends URLClassLoader {

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private static final List<String> PARENT_FIRST_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.",
      "org.slf4j.", "io.spate.api.", "io.spate.runtime.", "io.spate.cli.");

  /** Rewrites the class files a loader defines from its own jars. */
  @FunctionalInterface
  public interface ClassFileTransformer {
    /**
     * The class file to define for class {@code className} instead of {@code classFile}.
     *
     * @throws IllegalArgumentException if {@code classFile} cannot be read
     */
    byte[] transform(String className, byte[] classFile);
  }

  private final ClassFileTransformer transformer;
  // Jar files opened to read class files for the transformer, closed with this loader.
  private final Set<JarFile> openedJars = ConcurrentHashMap.newKeySet();

  /** A loader of the classes in {@code urls} (jars or directories), falling back to {@code parent}. */
  public ChildFirstClassLoader(URL[] urls, ClassLoader parent) {
    this(urls, parent, null);
  }

  /**
   * A loader of the classes in {@code urls}, falling back to {@code parent}, that defines the classes
   * of its own jars as {@code transformer} rewrites them (none if null).
   */
  public ChildFirstClassLoader(URL[] urls, ClassLoader parent, ClassFileTransformer transformer) {
    super(urls, parent);
    this.transformer = transformer;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    if (transformer == null) {
      return super.findClass(name);
    }
    String resource = name.replace('.', '/') + ".class";
    URL url = findResource(resource);
    if (url == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] classFile;
    try {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection jar) {
        openedJars.add(jar.getJarFile());
      }
      try (InputStream in = connection.getInputStream()) {
        classFile = in.readAllBytes();
      }
    } catch (IOException e) {
      throw new ClassNotFoundException("Cannot read the class file of " + name + " from " + url + ": " + e, e);
    }
    byte[] transformed;
    try {
      transformed = transformer.transform(name, classFile);
    } catch (RuntimeException e) {
      throw new ClassFormatError("Cannot load " + name + " from " + url + ": " + e.getMessage());
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0 && getDefinedPackage(name.substring(0, dot)) == null) {
      try {
        definePackage(name.substring(0, dot), null, null, null, null, null, null, null);
      } catch (IllegalArgumentException definedMeanwhile) {
        // another thread defined the package first
      }
    }
    return defineClass(name, transformed, 0, transformed.length, new CodeSource(codeBase(url, resource),
        (CodeSigner[]) null));
  }

  /** The jar or directory that {@code classFile}, the URL of {@code resource} in this loader's path, is in. */
  private static URL codeBase(URL classFile, String resource) {
    String text = classFile.toString();
    int separator = text.indexOf("!/");
    String base = text.startsWith("jar:") && separator > 0 ? text.substring(4, separator)
        : text.endsWith(resource) ? text.substring(0, text.length() - resource.length()) : text;
    try {
      return new URL(base);
    } catch (java.net.MalformedURLException e) {
      return classFile;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      for (JarFile jar : openedJars) {
        jar.close();
      }
      openedJars.clear();
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        if (isParentFirst(name)) {
          loaded = super.loadClass(name, false);
        } else {
          try {
            loaded = findClass(name);
          } catch (ClassNotFoundException notInJar) {
            loaded = super.loadClass(name, false);
          }
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    if (!isParentFirst(name.replace('/', '.'))) {
      URL own = findResource(name);
      if (own != null) {
        return own;
      }
    }
    return super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
    // Compared as strings: URL.equals may resolve host names.
    Set<String> seen = new HashSet<>();
    urls.forEach(url -> seen.add(url.toExternalForm()));
    ClassLoader parent = getParent();
    if (parent != null) {
      for (URL url : Collections.list(parent.getResources(name))) {
        if (seen.add(url.toExternalForm())) {
          urls.add(url);
        }
      }
    }
    return Collections.enumeration(urls);
  }

  private static boolean isParentFirst(String name) {
    for (String prefix : PARENT_FIRST_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
