/**
 * The stability markers of Spate's API: {@link io.spate.api.annotation.Public}, {@link
 * io.spate.api.annotation.PublicEvolving} and {@link io.spate.api.annotation.Internal}, with
 * Apache Flink's names and meaning; every public type of spate-api carries one. Public.
 */
package io.spate.api.annotation;
