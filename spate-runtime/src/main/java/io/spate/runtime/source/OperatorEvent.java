package io.spate.runtime.source;

import java.io.Serializable;

/** A message between an operator's subtasks and its coordinator in the JobMaster. */
public interface OperatorEvent extends Serializable {}
