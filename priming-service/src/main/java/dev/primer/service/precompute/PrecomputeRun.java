package dev.primer.service.precompute;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One precompute run: what started it, when, and when it finished (null while it runs). */
@Entity
@Table(name = "precompute_runs")
public class PrecomputeRun extends PanacheEntityBase {
  /** The run's number, from the table's bigserial. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** schedule, admin or resume. */
  @Column(nullable = false)
  public String trigger;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;
}
