package io.spate.api.connector.source;

import java.io.Serializable;

/** A custom message between a split enumerator and its readers. */
public interface SourceEvent extends Serializable {}
