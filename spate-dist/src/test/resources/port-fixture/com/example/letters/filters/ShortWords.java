package com.example.letters.filters;

import org.apache.flink.api.common.functions.FilterFunction;

/** Keeps words of at least a given length. */
public class ShortWords implements FilterFunction<String> {

  private final int minimumLength;

  public ShortWords(int minimumLength) {
    this.minimumLength = minimumLength;
  }

  @Override
  public boolean filter(String word) {
    return word.length() >= minimumLength;
  }
}
