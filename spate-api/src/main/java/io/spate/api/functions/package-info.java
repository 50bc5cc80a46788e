/**
 * The user functions of the DataStream API: map, flat map, filter, reduce, aggregate, key
 * selectors, joins and co-functions, rich functions with their runtime context, and the process
 * functions with timers. The simple functions are public; the process functions, their timer
 * service and the broadcast functions are public-evolving.
 */
package io.spate.api.functions;
