package io.spate.api.typeinfo;

/** Implemented by sources and functions that know the type of what they produce. */
public interface ResultTypeQueryable<T> {

  /** The type of the produced records. */
  TypeInformation<T> getProducedType();
}
