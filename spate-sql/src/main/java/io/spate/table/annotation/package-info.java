/** Annotations that give user-defined functions their SQL types. */
package io.spate.table.annotation;
