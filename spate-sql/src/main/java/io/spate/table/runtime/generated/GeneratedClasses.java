package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import io.spate.table.api.TableException;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated Java source with Janino and caches the classes by class loader and source text,
 * so that the parallel subtasks of one job (and a planner that compiled the class to check it) share
 * one compilation.
 *
 * <p>The cache is bounded: at most {@link #CLASSES_PER_LOADER} classes per class loader, least
 * recently used out first. It holds class loaders weakly and classes through weak references, so a
 * finished job's classes and its class loader can be unloaded; a class that was collected is simply
 * compiled again.
 */
@Internal
public final class GeneratedClasses {

  /** How many classes the cache keeps per class loader. */
  static final int CLASSES_PER_LOADER = 256;

  private static final Map<ClassLoader, Map<String, WeakReference<Class<?>>>> CACHE = new WeakHashMap<>();

  private static long compilations;

  private GeneratedClasses() {}

  /**
   * The class {@code className} of {@code source}, compiled with {@code classLoader} as its parent;
   * a source that does not compile fails with the compiler's message and the numbered source.
   */
  public static synchronized Class<?> compile(ClassLoader classLoader, String className, String source) {
    Map<String, WeakReference<Class<?>>> classes = CACHE.computeIfAbsent(classLoader, loader -> lru());
    WeakReference<Class<?>> cached = classes.get(source);
    Class<?> type = cached == null ? null : cached.get();
    if (type == null) {
      type = compileNow(classLoader, className, source);
      classes.put(source, new WeakReference<>(type));
    }
    return type;
  }

  /** How many times a class was compiled (not taken from the cache) in this JVM: for tests. */
  static synchronized long compilations() {
    return compilations;
  }

  private static Class<?> compileNow(ClassLoader classLoader, String className, String source) {
    compilations++;
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(classLoader);
    try {
      compiler.cook(className + ".java", source);
      return compiler.getClassLoader().loadClass(className);
    } catch (CompileException e) {
      throw new TableException("Spate SQL generated code that does not compile, a bug in Spate (set"
          + " 'table.exec.spate.codegen.enabled' to false to run the query interpreted): " + e.getMessage()
          + "\n" + numbered(source), e);
    } catch (ClassNotFoundException e) {
      throw new TableException("The generated source does not define the class " + className + "\n"
          + numbered(source), e);
    }
  }

  /** {@code source} with a line number in front of every line, as compile errors refer to them. */
  public static String numbered(String source) {
    StringBuilder out = new StringBuilder();
    String[] lines = source.split("\n", -1);
    int width = String.valueOf(lines.length).length();
    for (int i = 0; i < lines.length; i++) {
      String number = String.valueOf(i + 1);
      out.append(" ".repeat(width - number.length())).append(number).append("  ").append(lines[i]).append('\n');
    }
    return out.toString();
  }

  private static Map<String, WeakReference<Class<?>>> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, WeakReference<Class<?>>> eldest) {
        return size() > CLASSES_PER_LOADER;
      }
    };
  }
}
