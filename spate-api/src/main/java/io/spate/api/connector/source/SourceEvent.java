package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/** A custom message between a split enumerator and its readers. */
@PublicEvolving
public interface SourceEvent extends Serializable {}
