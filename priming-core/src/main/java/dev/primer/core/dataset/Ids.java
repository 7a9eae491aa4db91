package dev.primer.core.dataset;

/** Checks identifiers at the edge so that a blank id never travels further. */
final class Ids {
  private Ids() {}

  static void require(String id, String field) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
  }
}
