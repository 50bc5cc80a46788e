package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;

/** Implemented by sources and functions that know the type of what they produce. */
@Public
public interface ResultTypeQueryable<T> {

  /** The type of the produced records. */
  TypeInformation<T> getProducedType();
}
