/**
 * A checkpoint's metadata (its operators' states and where they are written) and the versioned
 * file format that stores it.
 */
package io.spate.runtime.checkpoint.metadata;
