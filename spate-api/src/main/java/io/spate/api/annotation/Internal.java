package io.spate.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks code that is public only because Spate's own modules share it: jobs, connectors and other
 * user code must not use it. It may change or disappear in any release, a patch release included,
 * without deprecation or a note.
 *
 * <p>On a method or constructor of a {@link Public} or {@link PublicEvolving} type, it takes that
 * member out of the type's promise.
 */
@Public
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Internal {}
