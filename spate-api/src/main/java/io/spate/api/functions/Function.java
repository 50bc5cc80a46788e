package io.spate.api.functions;

import java.io.Serializable;

/** The marker of every user function; functions are serializable so that jobs can be shipped. */
public interface Function extends Serializable {}
