package dev.primer.service.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The admin console's session: the admin's own token in an HttpOnly cookie, and the CSRF token
 * bound to it. The CSRF token is a hash of the session token: as secret as the cookie (a page on
 * another site can read neither), the same on every instance of the service, and no server state.
 */
public final class AdminSession {
  /** The cookie that carries the session token. */
  public static final String COOKIE = "primer_admin";

  /** The header every change made with the session cookie must carry. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private AdminSession() {}

  /** The CSRF token of the session whose token is {@code sessionToken}. */
  public static String csrfTokenFor(String sessionToken) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("primer-csrf\n" + sessionToken).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /** Whether {@code sent} is the session's CSRF token, compared in constant time. */
  public static boolean csrfMatches(String sessionToken, String sent) {
    return MessageDigest.isEqual(
        csrfTokenFor(sessionToken).getBytes(StandardCharsets.US_ASCII),
        sent.getBytes(StandardCharsets.UTF_8));
  }
}
