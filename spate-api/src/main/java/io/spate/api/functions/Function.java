package io.spate.api.functions;

import io.spate.api.annotation.Public;
import java.io.Serializable;

/** The marker of every user function; functions are serializable so that jobs can be shipped. */
@Public
public interface Function extends Serializable {}
