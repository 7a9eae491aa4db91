package dev.primer.service.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Lower-case hex SHA-256 hashes to their 32 bytes and back, by table. */
final class Hashes {
  private static final byte[] NIBBLES = nibbles();
  private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private Hashes() {}

  /**
   * Writes the 32 bytes of {@code sha} into {@code out} at {@code offset} when it is 64 lower-case
   * hex digits; false (and {@code out} in an unspecified state there) otherwise. By table: hashes
   * are random, so a branch between digits and letters was mispredicted half the time.
   */
  static boolean putLowerHex(String sha, byte[] out, int offset) {
    if (sha == null || sha.length() != 64) {
      return false;
    }
    int bad = 0;
    for (int i = 0; i < 64; i += 2) {
      int hi = nibble(sha.charAt(i));
      int lo = nibble(sha.charAt(i + 1));
      bad |= hi | lo;
      out[offset + i / 2] = (byte) (hi << 4 | lo);
    }
    return bad >= 0;
  }

  /** Writes the 64 hex digits of the 32 bytes at {@code from} into {@code out} at {@code at}. */
  static void writeLowerHex(byte[] bytes, int from, byte[] out, int at) {
    for (int i = 0; i < 32; i++) {
      int b = bytes[from + i] & 0xff;
      out[at + 2 * i] = DIGITS[b >>> 4];
      out[at + 2 * i + 1] = DIGITS[b & 0xf];
    }
  }

  private static int nibble(char c) {
    return c < 128 ? NIBBLES[c] : -1;
  }

  private static byte[] nibbles() {
    byte[] table = new byte[128];
    Arrays.fill(table, (byte) -1);
    for (int c = '0'; c <= '9'; c++) {
      table[c] = (byte) (c - '0');
    }
    for (int c = 'a'; c <= 'f'; c++) {
      table[c] = (byte) (c - 'a' + 10);
    }
    return table;
  }
}
