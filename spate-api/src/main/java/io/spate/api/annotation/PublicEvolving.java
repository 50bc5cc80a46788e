package io.spate.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks API meant for users that is not frozen yet: it may change incompatibly in a minor release
 * (a method renamed, a parameter added, an interface method added without a default), and each such
 * change is named in the release notes. Patch releases do not change it.
 *
 * <p>On a type, this covers its public and protected members, except those that carry a marker of
 * their own. Once an element has proven itself it is promoted to {@link Public}.
 */
@Public
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface PublicEvolving {}
