package dev.primer.service.openapi;

/**
 * The names the generated OpenAPI document gives the bearer scheme and the shared problem answers
 * (declared in this package's {@code package-info}), for the resources to refer to. Every error
 * answer is an RFC 9457 problem document.
 */
public final class ApiDefinition {
  /** The name of the bearer security scheme. */
  public static final String BEARER = "bearer";

  /** 400 problem. */
  public static final String BAD_REQUEST = "BadRequest";

  /** 401 problem. */
  public static final String UNAUTHORIZED = "Unauthorized";

  /** 403 problem. */
  public static final String FORBIDDEN = "Forbidden";

  /** 404 problem. */
  public static final String NOT_FOUND = "NotFound";

  /** 408 problem. */
  public static final String TIMEOUT = "RequestTimeout";

  /** 409 problem. */
  public static final String CONFLICT = "Conflict";

  /** 410 problem. */
  public static final String GONE = "Gone";

  /** 413 problem. */
  public static final String TOO_LARGE = "ContentTooLarge";

  /** 415 problem. */
  public static final String UNSUPPORTED = "UnsupportedEncoding";

  /** 422 problem. */
  public static final String UNPROCESSABLE = "UnprocessableContent";

  /** 429 problem. */
  public static final String TOO_MANY = "TooManyRequests";

  /** 500 problem. */
  public static final String SERVER_ERROR = "ServerError";

  /** 503 problem. */
  public static final String UNAVAILABLE = "ServiceUnavailable";

  private ApiDefinition() {}
}
