package io.spate.bench.compat;

import java.util.List;
import java.util.stream.Collectors;

/** Type names as a reader of the report wants them: without packages, nested classes with a dot. */
final class TypeNames {

  private TypeNames() {}

  static String simple(String typeName) {
    return typeName.substring(typeName.lastIndexOf('.') + 1).replace('$', '.');
  }

  static String parameterList(List<String> parameterTypes) {
    return parameterTypes.stream().map(TypeNames::simple).collect(Collectors.joining(", ", "(", ")"));
  }

  /** {@code map(MapFunction)}, or {@code new DataStream(StreamExecutionEnvironment, Transformation)} for a constructor. */
  static String signature(ClassModel owner, MemberModel member) {
    String name = member.isConstructor() ? "new " + owner.simpleKey() : member.name();
    return name + parameterList(member.parameterTypes());
  }

  /** Like {@link #signature}, with the parameter types' packages. */
  static String qualifiedSignature(ClassModel owner, MemberModel member) {
    String name = member.isConstructor() ? "new " + owner.simpleKey() : member.name();
    return name + "(" + String.join(", ", member.parameterTypes().stream().map(t -> t.replace('$', '.')).toList()) + ")";
  }
}
