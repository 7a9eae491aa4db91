package dev.primer.core.dataset;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** A data set file that cannot be read, naming the file and the line at fault. */
public class DataSetFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataSetFormatException(Path file, long line, @Nullable String problem, Throwable cause) {
    super(file.getFileName() + (line > 0 ? ":" + line : "") + ": " + problem, cause);
  }
}
