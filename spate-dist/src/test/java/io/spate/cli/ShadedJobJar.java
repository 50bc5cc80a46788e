package io.spate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a job jar the way a user's build shades one: the job's classes plus every class and resource of
 * its libraries (jars or class directories), each entry once, without the libraries' manifests,
 * signatures and module descriptors.
 */
final class ShadedJobJar {

  private ShadedJobJar() {}

  /** Writes {@code jar} with {@code mainClass} (and its nested classes) as its Main-Class, and {@code libraries}. */
  static void write(Path jar, Class<?> mainClass, List<Path> libraries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass.getName());
    Set<String> written = new HashSet<>();
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      Deque<Class<?>> classes = new ArrayDeque<>(List.of(mainClass));
      while (!classes.isEmpty()) {
        Class<?> type = classes.pop();
        String entry = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
          if (in == null) {
            throw new IOException("The class file of " + type.getName() + " is not on the test class path");
          }
          copy(out, written, entry, in);
        }
        classes.addAll(List.of(type.getDeclaredClasses()));
      }
      for (Path library : libraries) {
        if (Files.isDirectory(library)) {
          try (Stream<Path> files = Files.walk(library)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
              try (InputStream in = Files.newInputStream(f)) {
                copy(out, written, library.relativize(f).toString().replace('\\', '/'), in);
              }
            }
          }
        } else {
          try (JarFile libraryJar = new JarFile(library.toFile())) {
            for (JarEntry entry : libraryJar.stream().filter(e -> !e.isDirectory()).toList()) {
              try (InputStream in = libraryJar.getInputStream(entry)) {
                copy(out, written, entry.getName(), in);
              }
            }
          }
        }
      }
    }
  }

  private static void copy(JarOutputStream out, Set<String> written, String name, InputStream in) throws IOException {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    boolean skipped = upper.equals("META-INF/MANIFEST.MF") || upper.endsWith("MODULE-INFO.CLASS")
        || upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".DSA") || upper.endsWith(".RSA"));
    if (skipped || !written.add(name)) {
      return;
    }
    out.putNextEntry(new JarEntry(name));
    in.transferTo(out);
    out.closeEntry();
  }
}
