package dev.primer.service.territory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A stored territory: the GeoJSON Feature as the admin sent it, by id. */
@Entity
@Table(name = "territories")
public class StoredTerritory extends PanacheEntityBase {
  @Id public String id;

  public String name;

  /** The Feature's JSON text ({@code jsonb}); the service reads it as a tree. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public String feature;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
