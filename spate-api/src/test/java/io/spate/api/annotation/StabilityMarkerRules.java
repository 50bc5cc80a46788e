package io.spate.api.annotation;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The rules that keep spate-api's stability markers complete and honest, as functions from classes
 * (or a source tree) to the violations found, so that a test can run them on the real API and on
 * deliberately broken fixtures alike.
 */
final class StabilityMarkerRules {

  private static final List<Class<? extends Annotation>> MARKERS =
      List.of(Public.class, PublicEvolving.class, Internal.class);

  private StabilityMarkerRules() {}

  /** Loads, without initializing them, the classes compiled into {@code classesRoot}. */
  static List<Class<?>> compiledClasses(Path classesRoot) throws IOException {
    if (!Files.isDirectory(classesRoot)) {
      throw new IllegalArgumentException("not a directory of compiled classes: " + classesRoot);
    }
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classesRoot)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        String relative = classesRoot.relativize(file).toString().replace('\\', '/');
        if (!relative.endsWith(".class") || relative.endsWith("package-info.class")
            || relative.endsWith("module-info.class")) {
          continue;
        }
        String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        try {
          classes.add(Class.forName(name, false, StabilityMarkerRules.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("cannot load " + name + " from " + classesRoot, e);
        }
      }
    }
    return classes;
  }

  /** Public top-level types that carry no stability marker, or more than one. */
  static Set<String> typesWithoutExactlyOneMarker(Collection<Class<?>> classes) {
    Set<String> violations = new TreeSet<>();
    for (Class<?> type : classes) {
      if (type.getEnclosingClass() != null || !Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      List<String> present = MARKERS.stream()
          .filter(type::isAnnotationPresent)
          .map(Class::getSimpleName)
          .toList();
      if (present.isEmpty()) {
        violations.add(type.getName() + ": no stability marker (@Public, @PublicEvolving or @Internal)");
      } else if (present.size() > 1) {
        violations.add(type.getName() + ": more than one stability marker " + present);
      }
    }
    return violations;
  }

  /** Directories under {@code sourceRoot} that hold Java sources but no {@code package-info.java}. */
  static Set<String> packagesWithoutPackageInfo(Path sourceRoot) throws IOException {
    if (!Files.isDirectory(sourceRoot)) {
      throw new IllegalArgumentException("not a source directory: " + sourceRoot.toAbsolutePath());
    }
    Set<String> violations = new TreeSet<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      files.filter(f -> f.getFileName().toString().endsWith(".java"))
          .map(Path::getParent)
          .distinct()
          .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
          .forEach(dir -> violations.add(
              sourceRoot.relativize(dir).toString().replace('\\', '/').replace('/', '.')
                  + ": no package-info.java"));
    }
    return violations;
  }

  /**
   * Public and protected methods and constructors of {@link Public} types (nested types included,
   * unless they carry a marker of their own) whose parameter or return types name an {@link
   * Internal} type, type arguments and bounds included; members marked {@link Internal} themselves
   * are left out, as their promise is the internal one. Each violation reads {@code
   * Type#member(ParameterSimpleNames): names InternalType}.
   */
  static Set<String> publicSignaturesNamingInternalTypes(Collection<Class<?>> classes) {
    Set<String> violations = new TreeSet<>();
    for (Class<?> type : classes) {
      if (effectiveMarker(type) != Public.class || type.isSynthetic() || type.isAnonymousClass()
          || type.isLocalClass()) {
        continue;
      }
      List<Executable> members = new ArrayList<>();
      members.addAll(List.of(type.getDeclaredConstructors()));
      for (Method method : type.getDeclaredMethods()) {
        if (!method.isSynthetic() && !method.isBridge()) {
          members.add(method);
        }
      }
      for (Executable member : members) {
        int modifiers = member.getModifiers();
        if (!(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))
            || member.isAnnotationPresent(Internal.class)) {
          continue;
        }
        String key = type.getName() + "#" + memberName(member) + describeParameters(member);
        Set<Class<?>> named = new LinkedHashSet<>();
        for (Type parameter : member.getGenericParameterTypes()) {
          collectNamedClasses(parameter, named, new LinkedHashSet<>());
        }
        if (member instanceof Method method) {
          collectNamedClasses(method.getGenericReturnType(), named, new LinkedHashSet<>());
        }
        for (TypeVariable<?> variable : member.getTypeParameters()) {
          collectNamedClasses(variable, named, new LinkedHashSet<>());
        }
        for (Class<?> namedType : named) {
          if (effectiveMarker(namedType) == Internal.class) {
            violations.add(key + ": names @Internal " + namedType.getName());
          }
        }
      }
    }
    return violations;
  }

  /** The marker that applies to {@code type}: its own, else that of the type it is nested in. */
  static Class<? extends Annotation> effectiveMarker(Class<?> type) {
    for (Class<?> current = type; current != null; current = current.getEnclosingClass()) {
      for (Class<? extends Annotation> marker : MARKERS) {
        if (current.isAnnotationPresent(marker)) {
          return marker;
        }
      }
    }
    return null;
  }

  private static String memberName(Executable member) {
    return member instanceof Constructor<?> ? "<init>" : member.getName();
  }

  private static String describeParameters(Executable member) {
    StringBuilder text = new StringBuilder("(");
    Class<?>[] parameters = member.getParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      text.append(i == 0 ? "" : ", ").append(parameters[i].getSimpleName());
    }
    return text.append(')').toString();
  }

  // `seen` stops the walk at recursive bounds such as <T extends Comparable<T>>.
  private static void collectNamedClasses(Type type, Set<Class<?>> named, Set<Type> seen) {
    if (!seen.add(type)) {
      return;
    }
    if (type instanceof Class<?> c) {
      Class<?> element = c;
      while (element.isArray()) {
        element = element.getComponentType();
      }
      named.add(element);
    } else if (type instanceof ParameterizedType p) {
      collectNamedClasses(p.getRawType(), named, seen);
      for (Type argument : p.getActualTypeArguments()) {
        collectNamedClasses(argument, named, seen);
      }
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        collectNamedClasses(bound, named, seen);
      }
      for (Type bound : w.getLowerBounds()) {
        collectNamedClasses(bound, named, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      collectNamedClasses(a.getGenericComponentType(), named, seen);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type bound : v.getBounds()) {
        collectNamedClasses(bound, named, seen);
      }
    }
  }
}
