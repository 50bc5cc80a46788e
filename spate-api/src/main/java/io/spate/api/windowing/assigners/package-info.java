/**
 * Window assigners: tumbling, sliding, session and global windows, in event or processing time.
 * Public-evolving.
 */
package io.spate.api.windowing.assigners;
