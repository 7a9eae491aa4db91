package dev.primer.testdata.records;

import dev.primer.core.dataset.RecordType;
import java.util.Arrays;
import java.util.List;

/**
 * A compact view of every record the simulation needs: type, size, popularity and rank, in
 * primitive arrays, so that millions of records fit in a few tens of megabytes.
 */
public final class RecordCatalog {
  private static final RecordType[] TYPES = RecordType.values();

  private long[] firstOfSite = new long[1024];
  private int[] countOfSite = new int[1024];
  private String[][] contactsOfSite = new String[1024][];
  private byte[] type = new byte[1 << 16];
  private int[] size = new int[1 << 16];
  private float[] popularity = new float[1 << 16];
  private short[] rank = new short[1 << 16];
  private int records;
  private int sites;

  /** Adds the records of the next site (sites must come in index order). */
  public void addSite(int siteIndex, List<PlannedRecord> planned) {
    if (siteIndex != sites) {
      throw new IllegalStateException("sites must be added in order, expected " + sites);
    }
    if (sites == firstOfSite.length) {
      firstOfSite = Arrays.copyOf(firstOfSite, sites * 2);
      countOfSite = Arrays.copyOf(countOfSite, sites * 2);
      contactsOfSite = Arrays.copyOf(contactsOfSite, sites * 2);
    }
    firstOfSite[sites] = records;
    countOfSite[sites] = planned.size();
    contactsOfSite[sites] =
        planned.stream()
            .filter(p -> !p.person().isEmpty())
            .limit(2)
            .map(PlannedRecord::person)
            .toArray(String[]::new);
    sites++;
    for (PlannedRecord p : planned) {
      if (records == type.length) {
        int n = records * 2;
        type = Arrays.copyOf(type, n);
        size = Arrays.copyOf(size, n);
        popularity = Arrays.copyOf(popularity, n);
        rank = Arrays.copyOf(rank, n);
      }
      type[records] = (byte) p.record().type().ordinal();
      size[records] = (int) p.record().sizeBytes();
      popularity[records] = (float) p.popularity();
      rank[records] = (short) Math.min(Short.MAX_VALUE, p.rank());
      records++;
    }
  }

  /** The global position of a site's first record; its records follow contiguously. */
  public int first(int site) {
    return (int) firstOfSite[site];
  }

  public int count(int site) {
    return countOfSite[site];
  }

  /** The account's first contacts, "First Last", for meeting invitations. */
  public List<String> contacts(int site) {
    return List.of(contactsOfSite[site]);
  }

  public RecordType type(int record) {
    return TYPES[type[record]];
  }

  public int size(int record) {
    return size[record];
  }

  public double popularity(int record) {
    return popularity[record];
  }

  public int rank(int record) {
    return rank[record];
  }

  public int records() {
    return records;
  }

  /** The data set id of the record at {@code position} (records are numbered from 1). */
  public static String id(int position) {
    return String.format("r%08d", position + 1L);
  }
}
