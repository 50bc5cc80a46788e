/**
 * Key groups: the ranges of key groups a subtask owns and the assignment of keys to key groups and
 * of key groups to subtasks.
 */
package io.spate.runtime.state.keygroup;
