/**
 * Type information: {@link io.spate.api.typeinfo.TypeInformation}, {@link
 * io.spate.api.typeinfo.Types}, {@link io.spate.api.typeinfo.TypeHint} and the type extractor that
 * finds the types of records, POJOs, collections and arrays. The core is public; most concrete
 * type informations are public-evolving; {@code MissingTypeInfo} is internal.
 */
package io.spate.api.typeinfo;
