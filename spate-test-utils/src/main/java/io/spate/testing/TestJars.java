package io.spate.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Builds jars for tests, from classes of the test class path or from Java source compiled at test time. */
public final class TestJars {

  private TestJars() {}

  /** A jar at {@code path} holding the class files of {@code classes}, with no main class. */
  public static Path jar(Path path, Class<?>... classes) throws IOException {
    return jar(path, (String) null, classes);
  }

  /** A jar at {@code path} holding the class files of {@code classes}, with {@code mainClass} in its manifest unless null. */
  public static Path jar(Path path, String mainClass, Class<?>... classes) throws IOException {
    try (OutputStream file = Files.newOutputStream(path);
        JarOutputStream jar = new JarOutputStream(file, manifest(mainClass))) {
      for (Class<?> type : classes) {
        String entry = type.getName().replace('.', '/') + ".class";
        jar.putNextEntry(new JarEntry(entry));
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
          if (in == null) {
            throw new IOException("The class file of " + type.getName() + " is not on the test class path");
          }
          in.transferTo(jar);
        }
        jar.closeEntry();
      }
    }
    return path;
  }

  /** Like {@link #compiledJar(Path, String, Map)}, with no main class. */
  public static Path compiledJar(Path path, Map<String, String> sources) throws IOException {
    return compiledJar(path, null, sources);
  }

  /**
   * A jar at {@code path} holding {@code sources} (class name to Java source) compiled against the test
   * class path, with {@code mainClass} in its manifest unless null. The compiled classes are nowhere
   * else, so only a loader over the jar finds them, and tests can build several versions of one class.
   */
  public static Path compiledJar(Path path, String mainClass, Map<String, String> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    Path classes = Files.createTempDirectory(path.toAbsolutePath().getParent(), "classes");
    List<SimpleJavaFileObject> units = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      URI uri = URI.create("string:///" + source.getKey().replace('.', '/') + ".java");
      units.add(new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source.getValue();
        }
      });
    }
    StringWriter diagnostics = new StringWriter();
    boolean compiled = compiler.getTask(diagnostics, null, null,
        List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "--release", "17"),
        null, units).call();
    if (!compiled) {
      throw new IllegalArgumentException("The test sources do not compile: " + diagnostics);
    }
    try (OutputStream file = Files.newOutputStream(path);
        JarOutputStream jar = new JarOutputStream(file, manifest(mainClass));
        Stream<Path> files = Files.walk(classes)) {
      for (Path classFile : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace('\\', '/')));
        Files.copy(classFile, jar);
        jar.closeEntry();
      }
    }
    return path;
  }

  private static Manifest manifest(String mainClass) {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    }
    return manifest;
  }
}
