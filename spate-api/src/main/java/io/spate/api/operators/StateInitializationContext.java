package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.FunctionInitializationContext;

/**
 * What an operator's {@code initializeState(StateInitializationContext)} gets: whether it restores,
 * and its operator and keyed state to register and read. Spate has no raw (unmanaged) operator or
 * keyed state, so there are no raw state inputs.
 */
@PublicEvolving
public interface StateInitializationContext extends FunctionInitializationContext {}
