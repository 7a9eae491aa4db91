package dev.primer.agent.store;

import dev.primer.agent.crypto.FieldCipher;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Refuses a key a store was not written with, before anything reads (or, in verify --repair, drops)
 * records that would all seem damaged. The store keeps a value sealed with its key ({@code
 * meta.key_check}); a store from before it kept one is checked against a record it holds, then gets
 * the value.
 */
final class KeyCheck {
  private static final String KEY = "key_check";

  private KeyCheck() {}

  /** Passes when {@code cipher} opens the store; otherwise {@link LocalStore.WrongKeyException}. */
  static void require(Path file, Jdbc jdbc, StoreMeta meta, FieldCipher cipher) {
    String check = meta.all().get(KEY);
    if (check != null) {
      try {
        cipher.decrypt(Base64.getDecoder().decode(check), "meta/" + KEY);
        return;
      } catch (FieldCipher.TamperedException | IllegalArgumentException e) {
        throw new LocalStore.WrongKeyException(file);
      }
    }
    List<String[]> sample =
        jdbc.query(
            "SELECT record_id, title FROM content LIMIT 1",
            List.of(),
            rs ->
                new String[] {rs.getString(1), Base64.getEncoder().encodeToString(rs.getBytes(2))});
    for (String[] row : sample) {
      try {
        cipher.decryptText(Base64.getDecoder().decode(row[1]), row[0] + "/title");
      } catch (FieldCipher.TamperedException e) {
        throw new LocalStore.WrongKeyException(file);
      }
    }
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    meta.put(
        Map.of(KEY, Base64.getEncoder().encodeToString(cipher.encrypt(random, "meta/" + KEY))));
  }
}
