package io.spate.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks API that is stable across minor releases: code that compiles and runs against 1.x compiles
 * and runs against every later 1.y unchanged; a marked element is removed or changed incompatibly
 * only in a major release, after it was deprecated in an earlier one.
 *
 * <p>On a type, the promise covers its public and protected members, except those that carry a
 * marker of their own ({@link PublicEvolving} or {@link Internal}). It covers source and binary
 * compatibility of signatures and the documented behaviour, not serialized forms or internals that
 * the Javadoc does not mention.
 */
@Public
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Public {}
