package dev.primer.territory.cli;

/** A failure the command line reports as one line on stderr, with the exit code it deserves. */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int FAILURE = 1;
  static final int USAGE = 2;

  private final int exitCode;

  private CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The input was read but is wrong (exit code 1). */
  static CliException failure(String message) {
    return new CliException(message, FAILURE);
  }

  /** The command was called wrongly (exit code 2). */
  static CliException usage(String message) {
    return new CliException(message, USAGE);
  }

  int exitCode() {
    return exitCode;
  }
}
