package dev.primer.service.content;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests, the hash content and manifests are named and compared by. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh SHA-256 digest (every Java runtime has one). */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
