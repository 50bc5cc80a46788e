package io.spate.api.serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources given as strings at test time, each set into its own directory and class
 * loader, so that two versions of a class with the same name can live side by side.
 */
public final class JavaSourceCompiler {

  private JavaSourceCompiler() {}

  /**
   * Compiles {@code sources} (fully qualified class name to source text) into a new directory under
   * {@code root} and returns a class loader for the result, whose parent is the test class loader.
   */
  public static URLClassLoader compile(Path root, Map<String, String> sources) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("No Java compiler: the tests must run on a JDK");
    }
    try {
      Path output = Files.createTempDirectory(root, "classes");
      List<JavaFileObject> units = new ArrayList<>();
      sources.forEach((name, text) -> units.add(new SourceString(name, text)));
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
        boolean ok =
            compiler
                .getTask(null, files, diagnostics, List.of("-d", output.toString()), null, units)
                .call();
        if (!ok) {
          StringBuilder message = new StringBuilder("Test sources do not compile:");
          for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            message.append('\n').append(d.getMessage(Locale.ROOT)).append(" at line ").append(d.getLineNumber());
          }
          throw new IllegalArgumentException(message.toString());
        }
      }
      return new URLClassLoader(new URL[] {output.toUri().toURL()}, JavaSourceCompiler.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles the one class {@code className} from {@code source}. */
  public static URLClassLoader compile(Path root, String className, String source) {
    return compile(root, Map.of(className, source));
  }

  private static final class SourceString extends SimpleJavaFileObject {
    private final String text;

    SourceString(String className, String text) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
