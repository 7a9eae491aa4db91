/**
 * What the generated OpenAPI document ({@code /q/openapi}, {@code docs/openapi.yaml}) says once for
 * the whole API: its description, the bearer scheme, and the problem answers the resources name by
 * reference. SmallRye reads {@code @OpenAPIDefinition} only here or on a JAX-RS Application class.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Primer priming-service",
            version = "v1",
            description =
                "The /v1 API between the priming service and its clients. The wire types are those"
                    + " of the primer-protocol module; docs/api.md is the guide to it."),
    components =
        @Components(
            responses = {
              @APIResponse(
                  name = ApiDefinition.BAD_REQUEST,
                  description = "A query, header or body value is invalid; errors name it",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.UNAUTHORIZED,
                  description =
                      "No valid token (type token-expired or device-revoked for a device token)",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.FORBIDDEN,
                  description = "The token lacks the role, or acts for another user's device",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.NOT_FOUND,
                  description = "Unknown, or not visible to the caller (existence does not leak)",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.TIMEOUT,
                  description = "The body arrived slower than the minimum rate (body-too-slow)",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.CONFLICT,
                  description = "The request conflicts with the current state",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.GONE,
                  description = "The device was revoked (type device-revoked): wipe its store",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.TOO_LARGE,
                  description = "The body is over its limit, which the detail names",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.UNSUPPORTED,
                  description = "A Content-Encoding other than gzip or none",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.UNPROCESSABLE,
                  description = "The body is well-formed but cannot be accepted; errors say why",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.TOO_MANY,
                  description = "Too many streams at once for this token; retry after Retry-After",
                  headers =
                      @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.SERVER_ERROR,
                  description = "An unexpected failure, logged under errorId",
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class))),
              @APIResponse(
                  name = ApiDefinition.UNAVAILABLE,
                  description = "Too many streams in all; retry after Retry-After",
                  headers =
                      @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                  content =
                      @Content(
                          mediaType = MediaTypes.PROBLEM,
                          schema = @Schema(implementation = ProblemDocument.class)))
            },
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = ApiDefinition.BEARER,
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    description =
                        "A user's JWT (RS256; sub = user id, groups = roles) or a device's own pdt_ token; the"
                            + " requirement of each operation names the role it needs")))
package dev.primer.service.openapi;

import dev.primer.protocol.MediaTypes;
import dev.primer.protocol.problem.ProblemDocument;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
