package io.spate.table.functions;

import io.spate.api.annotation.PublicEvolving;

/** What a function is, as a {@code CallExpression} names it: a built-in function or a user's. */
@PublicEvolving
public interface FunctionDefinition {}
