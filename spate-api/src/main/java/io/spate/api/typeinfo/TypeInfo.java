package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the {@link TypeInfoFactory} that type extraction asks for the type information of the
 * annotated class (and its subclasses), or of the annotated POJO field or record component.
 */
@Public
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface TypeInfo {

  /** The factory class, with a public no-argument constructor. */
  @SuppressWarnings("rawtypes")
  Class<? extends TypeInfoFactory> value();
}
