package dev.primer.training;

import java.nio.file.Path;

/** Lets tests in other packages share the small data set. */
public final class SmallDataSetAccess {
  private SmallDataSetAccess() {}

  public static Path get() {
    return SmallDataSet.get();
  }
}
