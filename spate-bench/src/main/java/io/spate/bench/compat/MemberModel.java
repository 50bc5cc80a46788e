package io.spate.bench.compat;

import java.util.List;

/**
 * A constructor or method of a {@link ClassModel}: its name ({@code <init>} for a constructor), erased
 * parameter and return types written as in Java source with binary class names ({@code int},
 * {@code java.lang.String[]}, {@code a.b.Outer$Inner}) and the modifiers the comparison needs.
 */
public record MemberModel(
    String name,
    List<String> parameterTypes,
    String returnType,
    boolean isPublic,
    boolean isStatic,
    boolean isAbstract,
    boolean isSynthetic,
    boolean isInternal) {

  /** The name constructors have in class files. */
  public static final String CONSTRUCTOR = "<init>";

  public MemberModel {
    parameterTypes = List.copyOf(parameterTypes);
  }

  public boolean isConstructor() {
    return name.equals(CONSTRUCTOR);
  }

  /** True for the methods every class has from {@code java.lang.Object}: any class answers them. */
  public boolean overridesObjectMethod() {
    return switch (name) {
      case "toString", "hashCode", "clone", "finalize" -> parameterTypes.isEmpty();
      case "equals" -> parameterTypes.equals(List.of("java.lang.Object"));
      default -> false;
    };
  }
}
