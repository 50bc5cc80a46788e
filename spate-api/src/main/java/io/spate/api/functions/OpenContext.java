package io.spate.api.functions;

/** What a rich function is given when it opens; reserved for future parameters. */
public interface OpenContext {}
