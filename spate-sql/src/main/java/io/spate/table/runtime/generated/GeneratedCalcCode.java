package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;

/**
 * What a job carries of a generated calc or join condition: the Java source of its class, the
 * class's name and the objects its constructor takes (interpreted expressions for what the generator does not handle,
 * literals that Java source cannot spell, types). The class is compiled where the job runs, with the
 * task's class loader.
 */
@Internal
public final class GeneratedCalcCode implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String className;
  private final String source;
  private final Object[] references;

  /** The class {@code className} of {@code source}, whose constructor takes {@code references}. */
  public GeneratedCalcCode(String className, String source, Object[] references) {
    this.className = className;
    this.source = source;
    this.references = references.clone();
  }

  /** The generated class's name (in the default package). */
  public String className() {
    return className;
  }

  /** The generated Java source. */
  public String source() {
    return source;
  }

  /** How many objects the generated class's constructor takes. */
  public int referenceCount() {
    return references.length;
  }

  /** Compiles the class (or takes it from the cache) with {@code classLoader} and makes an instance. */
  public GeneratedCalc newInstance(ClassLoader classLoader) {
    return newInstance(classLoader, GeneratedCalc.class);
  }

  /**
   * {@link #newInstance(ClassLoader, Class)} with the calling thread's context class loader, which a
   * task sets to the job's user-code class loader while it runs (Spate's own loader if none is set):
   * for generated pieces that nothing opens and that therefore compile on first use.
   */
  public <T> T newInstanceInCurrentThread(Class<T> type) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return newInstance(context != null ? context : GeneratedCalcCode.class.getClassLoader(), type);
  }

  /**
   * Compiles the class (or takes it from the cache) with {@code classLoader} and makes an instance of
   * it as the interface {@code type} it implements (a calc, a join condition).
   */
  public <T> T newInstance(ClassLoader classLoader, Class<T> type) {
    Class<?> compiled = GeneratedClasses.compile(classLoader, className, source);
    try {
      return type.cast(compiled.getConstructor(Object[].class).newInstance((Object) references.clone()));
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("The generated class " + className + " failed to initialize: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot instantiate the generated class " + className + ": " + e, e);
    }
  }
}
