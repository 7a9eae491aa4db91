package dev.primer.service.problem;

/** ProblemDocument slug, title and a generic detail for the statuses the HTTP layer produces. */
record HttpStatus(String slug, String title, String detail) {
  static HttpStatus of(int status) {
    return switch (status) {
      case 400 -> new HttpStatus("bad-request", "Bad request", "the request is malformed");
      case 401 ->
          new HttpStatus("unauthorized", "Unauthorized", "a valid bearer token is required");
      case 403 -> new HttpStatus("forbidden", "Forbidden", "this request is not allowed");
      case 404 -> new HttpStatus("not-found", "Not found", "there is nothing at this address");
      case 405 ->
          new HttpStatus(
              "method-not-allowed",
              "Method not allowed",
              "this address does not support this HTTP method");
      case 406 ->
          new HttpStatus(
              "not-acceptable",
              "Not acceptable",
              "the service cannot answer in any media type the Accept header allows");
      case 413 -> new HttpStatus("payload-too-large", "Payload too large", "the body is too large");
      case 415 ->
          new HttpStatus(
              "unsupported-media-type",
              "Unsupported media type",
              "this address does not accept a body of this Content-Type");
      default -> new HttpStatus("http-" + status, "HTTP " + status, "the request failed");
    };
  }
}
