package dev.primer.core.candidates;

import java.util.Arrays;

/** The candidate records of one user-day with the sources that proposed each. */
public final class Candidates {
  private final int[] records;
  private final int[] sources;
  private final int cut;

  Candidates(int[] records, int[] sources, int cut) {
    this.records = records;
    this.sources = sources;
    this.cut = cut;
  }

  /** Candidates proposed by one source mask, e.g. to score a hand-picked set. */
  public static Candidates of(int[] records, int sources) {
    int[] masks = new int[records.length];
    Arrays.fill(masks, sources);
    return new Candidates(Arrays.copyOf(records, records.length), masks, 0);
  }

  public int size() {
    return records.length;
  }

  /** The catalog index of the i-th candidate. */
  public int record(int i) {
    return records[i];
  }

  /** The i-th candidate's source mask (see {@link CandidateSource#bit()}). */
  public int sources(int i) {
    return sources[i];
  }

  /** How many records the bound kept out. */
  public int cut() {
    return cut;
  }

  /** The candidates' catalog indexes (a copy). */
  public int[] records() {
    return Arrays.copyOf(records, records.length);
  }
}
