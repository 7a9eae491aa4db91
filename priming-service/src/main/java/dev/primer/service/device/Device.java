package dev.primer.service.device;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An enrolled device, bound to the user whose token enrolled it. */
@Entity
@Table(name = "devices")
public class Device extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "user_id", nullable = false)
  public String userId;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String platform;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** The budget of the device's last manifest request; the nightly precompute builds for it. */
  @Column(name = "last_budget")
  public Long lastBudget;

  /** When the device last asked for its manifest (every sync starts so); null before its first. */
  @Column(name = "last_sync_at")
  public Instant lastSyncAt;

  /** When an admin revoked the device; null while it is in use. */
  @Column(name = "revoked_at")
  public Instant revokedAt;
}
