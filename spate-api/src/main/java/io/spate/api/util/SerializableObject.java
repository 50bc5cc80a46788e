package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/** An object to synchronize on that survives serialization with the function that holds it. */
@PublicEvolving
public class SerializableObject implements Serializable {

  private static final long serialVersionUID = 1L;
}
