package io.spate.api.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/**
 * Marks a type, method, field or constructor whose visibility is wider than its callers need, so
 * that tests can reach it; other code should treat it as private.
 */
@PublicEvolving
@Documented
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface VisibleForTesting {}
