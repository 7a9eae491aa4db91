package dev.primer.agent.crypto;

import java.util.Map;

/**
 * Keeps the store's master key from lying in plain beside the store: sealed by the OS keystore, or
 * by a key derived from a passphrase. What {@link #seal} returns is written to the key file; {@link
 * #open} gets it back.
 */
public interface KeyProtector {
  /** The name written in the key file ("secret-service", "passphrase"). */
  String kind();

  /** Seals {@code master}; the values kept in the key file. */
  Map<String, String> seal(byte[] master);

  /** The master key from the key file's values; a {@link WrongKeyException} when it cannot. */
  byte[] open(Map<String, String> sealed);

  /** The key could not be opened: a wrong passphrase, or a keystore that does not hold it. */
  final class WrongKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WrongKeyException(String message) {
      super(message);
    }
  }
}
