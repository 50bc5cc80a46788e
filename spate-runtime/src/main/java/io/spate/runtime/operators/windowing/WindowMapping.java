package io.spate.runtime.operators.windowing;

/**
 * One entry of a {@link MergingWindowSet}: a live merged window and the window whose namespace holds
 * its contents.
 *
 * @param window the window as the trigger and the function see it
 * @param stateWindow the namespace of its contents
 * @param <W> the window type
 */
public record WindowMapping<W>(W window, W stateWindow) {}
