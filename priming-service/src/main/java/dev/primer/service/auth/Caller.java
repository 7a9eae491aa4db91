package dev.primer.service.auth;

import dev.primer.service.problem.ProblemException;
import dev.primer.service.storable.StorableText;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the user a verified token names in {@code sub}. Every route that acts for "the
 * caller's user" asks here, so that a token naming nobody is a 401, never a null that reaches SQL.
 */
@RequestScoped
public class Caller {
  private final JsonWebToken token;

  Caller(JsonWebToken token) {
    this.token = token;
  }

  /** The caller's user id; a token without a usable {@code sub} is a 401 problem. */
  public String userId() {
    String sub = token.getSubject();
    if (sub == null
        || sub.isBlank()
        || StorableText.problem(sub, StorableText.MAX_ID).isPresent()) {
      throw new ProblemException(
          401,
          "no-subject",
          "Unauthorized",
          "the token names no user: its sub claim is missing, blank or not a user id");
    }
    return sub;
  }
}
