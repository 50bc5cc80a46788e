package io.spate.classloadingtest;

/**
 * A class outside Spate's parent-first packages, on the test class path, that tests copy into jars
 * to see which loader a child-first class loader takes it from.
 */
public final class ProbeClass {

  private ProbeClass() {}
}
