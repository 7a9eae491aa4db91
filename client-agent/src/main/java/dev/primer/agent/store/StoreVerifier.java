package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the store against its manifest: SQLite's integrity, then every visible record's content
 * decrypted and hashed against the manifest's sha256, blobs chunk by chunk.
 */
public final class StoreVerifier {
  private StoreVerifier() {}

  /**
   * What verify found.
   *
   * @param integrity SQLite's integrity_check answer ("ok" when sound)
   * @param manifestEntries entries in the committed manifest
   * @param visible entries whose content is on the device
   * @param checked records whose content hashed right
   * @param damaged records whose content is damaged, with why
   * @param damagedContentIds the content rows behind {@code damaged}, for --repair
   */
  public record Report(
      String integrity,
      long manifestEntries,
      long visible,
      long checked,
      List<String> damaged,
      List<Long> damagedContentIds) {
    /** Whether nothing is damaged. */
    public boolean sound() {
      return "ok".equals(integrity) && damaged.isEmpty();
    }
  }

  /** Verifies {@code store}. */
  public static Report verify(LocalStore store) {
    String integrity = store.integrityCheck();
    long[] counts = store.manifestCounts();
    List<String> damaged = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    long checked = 0;
    FieldCipher cipher = store.cipher();
    for (VisibleEntry e : store.visibleEntries()) {
      String problem;
      try {
        String actual;
        if (e.blob()) {
          actual =
              store.blobs().file(e.sha256()).toFile().isFile()
                  ? store.blobs().hash(e.sha256())
                  : "missing blob file";
        } else {
          actual = sha256(cipher.decrypt(e.body(), e.recordId() + "/body"));
        }
        problem =
            actual.equalsIgnoreCase(e.sha256())
                ? null
                : "content does not match sha256 (" + actual + ")";
      } catch (FieldCipher.TamperedException | IOException ex) {
        problem = ex.getMessage();
      }
      if (problem == null) {
        checked++;
      } else {
        damaged.add(e.recordId() + ": " + problem);
        ids.add(e.contentId());
      }
    }
    return new Report(integrity, counts[0], counts[1], checked, damaged, ids);
  }

  private static String sha256(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(BlobFiles.sha256Digest().digest(bytes));
  }
}
