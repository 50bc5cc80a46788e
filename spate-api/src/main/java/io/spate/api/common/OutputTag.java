package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output of an operator, and its type. Create it as an anonymous subclass so that the
 * type is captured: {@code new OutputTag<String>("late") {}}, or pass the type explicitly.
 *
 * @param <T> the type of the side output's records
 */
@PublicEvolving
public class OutputTag<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String id;
  private final TypeInformation<T> typeInfo;

  /** Creates a tag whose type is taken from the anonymous subclass's type argument. */
  @SuppressWarnings("unchecked")
  public OutputTag(String id) {
    this.id = requireId(id);
    Type superType = getClass().getGenericSuperclass();
    if (!(superType instanceof ParameterizedType parameterized)) {
      throw new InvalidProgramException(
          "OutputTag '" + id + "' has no type: create it as an anonymous subclass, "
              + "new OutputTag<String>(\"" + id + "\") {}, or pass the type: "
              + "new OutputTag<>(\"" + id + "\", Types.STRING).");
    }
    this.typeInfo =
        (TypeInformation<T>) TypeExtractor.createTypeInfo(parameterized.getActualTypeArguments()[0]);
  }

  /** Creates a tag with an explicit type. */
  public OutputTag(String id, TypeInformation<T> typeInfo) {
    this.id = requireId(id);
    this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
  }

  private static String requireId(String id) {
    if (id == null || id.isBlank()) {
      throw new InvalidProgramException("An OutputTag needs a non-empty id.");
    }
    return id;
  }

  /** The tag's name. */
  public String getId() {
    return id;
  }

  /** The type of the side output's records. */
  public TypeInformation<T> getTypeInfo() {
    return typeInfo;
  }

  /**
   * Whether records tagged {@code other} go to the side output of {@code owner}: the tags are equal,
   * which for tags means the same id.
   */
  public static boolean isResponsibleFor(OutputTag<?> owner, OutputTag<?> other) {
    return Objects.requireNonNull(owner, "owner").equals(other);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputTag<?> other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "OutputTag(" + id + ": " + typeInfo + ")";
  }
}
