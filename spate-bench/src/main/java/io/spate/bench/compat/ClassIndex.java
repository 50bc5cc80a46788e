package io.spate.bench.compat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classes by binary name, with the JDK's classes (which appear as supertypes) read by reflection on
 * demand, and the walks over supertypes that method lookup and subtype checks need.
 */
public final class ClassIndex {

  private final Map<String, ClassModel> classes = new LinkedHashMap<>();
  private final Map<String, Optional<ClassModel>> jdkClasses = new HashMap<>();

  public ClassIndex(Collection<ClassModel> models) {
    for (ClassModel model : models) {
      classes.putIfAbsent(model.binaryName(), model);
    }
  }

  public Collection<ClassModel> all() {
    return classes.values();
  }

  /** The class of that binary name, from the index or, for {@code java.*} and {@code javax.*}, from the JDK. */
  public Optional<ClassModel> find(String binaryName) {
    ClassModel model = classes.get(binaryName);
    if (model != null) {
      return Optional.of(model);
    }
    if (!binaryName.startsWith("java.") && !binaryName.startsWith("javax.")) {
      return Optional.empty();
    }
    return jdkClasses.computeIfAbsent(binaryName, ClassIndex::reflect);
  }

  /** True when a public class is public all the way out: every class enclosing it is public too. */
  public boolean isVisibleOutside(ClassModel model) {
    ClassModel current = model;
    while (current != null) {
      if (!current.isPublic()) {
        return false;
      }
      current = current.outerName() == null ? null : find(current.outerName()).orElse(null);
    }
    return true;
  }

  /** The class and all its supertypes that the index or the JDK knows, the class first, each once. */
  public List<ClassModel> selfAndSupertypes(ClassModel model) {
    List<ClassModel> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<ClassModel> pending = new ArrayDeque<>();
    pending.add(model);
    while (!pending.isEmpty()) {
      ClassModel current = pending.removeFirst();
      if (!seen.add(current.binaryName())) {
        continue;
      }
      found.add(current);
      if (current.superName() != null) {
        find(current.superName()).ifPresent(pending::addLast);
      }
      for (String anInterface : current.interfaces()) {
        find(anInterface).ifPresent(pending::addLast);
      }
    }
    return found;
  }

  /** True when {@code type} is {@code supertype} or extends or implements it; both are type names as in {@link MemberModel}. */
  public boolean isSubtype(String type, String supertype) {
    if (type.equals(supertype) || supertype.equals("java.lang.Object") && !isPrimitive(type)) {
      return true;
    }
    Optional<ClassModel> model = find(type);
    if (model.isEmpty()) {
      return false;
    }
    return selfAndSupertypes(model.get()).stream().anyMatch(c -> c.binaryName().equals(supertype));
  }

  private static boolean isPrimitive(String type) {
    return switch (type) {
      case "boolean", "byte", "char", "short", "int", "long", "float", "double", "void" -> true;
      default -> false;
    };
  }

  private static Optional<ClassModel> reflect(String binaryName) {
    Class<?> type;
    try {
      type = Class.forName(binaryName, false, ClassIndex.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
    List<MemberModel> members = new ArrayList<>();
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      members.add(member(MemberModel.CONSTRUCTOR, constructor, "void"));
    }
    for (Method method : type.getDeclaredMethods()) {
      members.add(member(method.getName(), method, typeName(method.getReturnType())));
    }
    return Optional.of(new ClassModel(binaryName, "JDK", Modifier.isPublic(type.getModifiers()), type.isInterface(),
        false, type.isSynthetic(), type.getDeclaringClass() == null ? null : type.getDeclaringClass().getName(),
        type.getSuperclass() == null ? null : type.getSuperclass().getName(),
        Arrays.stream(type.getInterfaces()).map(Class::getName).toList(), members));
  }

  private static MemberModel member(String name, Executable executable, String returnType) {
    int modifiers = executable.getModifiers();
    return new MemberModel(name, Arrays.stream(executable.getParameterTypes()).map(ClassIndex::typeName).toList(),
        returnType, Modifier.isPublic(modifiers), Modifier.isStatic(modifiers), Modifier.isAbstract(modifiers),
        executable.isSynthetic(), false);
  }

  private static String typeName(Class<?> type) {
    return type.isArray() ? typeName(type.getComponentType()) + "[]" : type.getName();
  }
}
