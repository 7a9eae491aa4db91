package dev.primer.agent.crypto;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Times the passphrase protection's key derivation (PBKDF2-HMAC-SHA256, 600,000 iterations as in
 * {@link PassphraseProtector#ITERATIONS}) in a fresh JVM, as each agent command pays it once. Run
 * from the repository root: {@code java
 * client-agent/src/test/java/dev/primer/agent/crypto/Pbkdf2Cost.java}.
 */
public final class Pbkdf2Cost {
  private Pbkdf2Cost() {}

  public static void main(String[] args) throws Exception {
    byte[] salt = new byte[16];
    SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    for (int i = 1; i <= 6; i++) {
      long t = System.nanoTime();
      pbkdf2
          .generateSecret(new PBEKeySpec("correct horse".toCharArray(), salt, 600_000, 256))
          .getEncoded();
      System.out.printf("derivation %d: %.0f ms%n", i, (System.nanoTime() - t) / 1e6);
    }
  }
}
