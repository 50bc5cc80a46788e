package io.spate.api.functions;

import io.spate.api.annotation.PublicEvolving;

/** What a rich function is given when it opens; reserved for future parameters. */
@PublicEvolving
public interface OpenContext {}
