package dev.primer.agent.sync;

/** Follows a sync's progress, e.g. to draw a progress bar. */
public interface SyncListener {
  /** Downloading starts: this many records and content bytes are to come. */
  void started(long records, long bytes);

  /** This many more records and content bytes are stored. */
  void advanced(long records, long bytes);

  /** Downloading has ended. */
  void finished();

  /** A listener that ignores everything. */
  static SyncListener none() {
    return new SyncListener() {
      @Override
      public void started(long records, long bytes) {}

      @Override
      public void advanced(long records, long bytes) {}

      @Override
      public void finished() {}
    };
  }
}
