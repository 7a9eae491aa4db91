package dev.primer.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A model in the registry. Reads go through {@link Columns}, which leaves the bundle out: a bundle
 * is up to primer.limits.model bytes and only activation reads it.
 */
@Entity
@Table(name = "models")
public class StoredModel extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "uploaded_at", nullable = false)
  public Instant uploadedAt;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  public byte[] bundle;

  @Column(name = "feature_schema", nullable = false)
  public String featureSchema;

  /** The bundle's provenance as JSON text ({@code jsonb}). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String provenance;

  /** The bundle's training summary as JSON text ({@code jsonb}). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String summary;

  /** The evaluation report a data scientist attached, as JSON text ({@code jsonb}); or null. */
  @JdbcTypeCode(SqlTypes.JSON)
  public String evaluation;

  @Column(nullable = false)
  public boolean active;

  @Column(name = "activated_at")
  public Instant activatedAt;

  /** Every column but the bundle, as a Panache projection reads them. */
  public record Columns(
      String id,
      Instant uploadedAt,
      String featureSchema,
      String provenance,
      String summary,
      String evaluation,
      boolean active,
      Instant activatedAt) {}
}
