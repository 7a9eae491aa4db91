package dev.primer.service.auth;

/** The roles a token's {@code groups} claim may carry; endpoints name them in @RolesAllowed. */
public final class Roles {
  /** A device agent: only its own user's devices, manifests, records, blobs and telemetry. */
  public static final String DEVICE = "device";

  /** Territories, user territories, previews and read-only access to everything. */
  public static final String ADMIN = "admin";

  /** The model registry. */
  public static final String DATA_SCIENTIST = "data-scientist";

  /** Bulk imports, calendars and record content. */
  public static final String INTEGRATOR = "integrator";

  private Roles() {}
}
