package dev.primer.service.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One activation of a model, in order: rollback walks back through them. */
@Entity
@Table(name = "model_activations")
public class ModelActivation extends PanacheEntityBase {
  /** The activation's place in the order, from the table's bigserial. */
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  @Column(name = "model_id", nullable = false)
  public String modelId;

  @Column(nullable = false)
  public Instant at;
}
