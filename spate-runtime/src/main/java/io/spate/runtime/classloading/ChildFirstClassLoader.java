package io.spate.runtime.classloading;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a job's classes from its jars before those of the parent, so that a job's own libraries win,
 * while the JDK, SLF4J and Spate's API and runtime always come from the parent: a job that bundled
 * its own copy of the API would otherwise not see the environment the CLI or the TaskExecutor
 * prepared. Used by the CLI and the JobManager to run a job's main method, and by TaskExecutors to
 * run the job's tasks.
 */
public final class ChildFirstClassLoader extends URLClassLoader {

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private static final List<String> PARENT_FIRST_PREFIXES = List.of(
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.",
      "org.slf4j.", "io.spate.api.", "io.spate.runtime.", "io.spate.cli.");

  /** A loader of the classes in {@code urls} (jars or directories), falling back to {@code parent}. */
  public ChildFirstClassLoader(URL[] urls, ClassLoader parent) {
    super(urls, parent);
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
