package dev.podgraph.guest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * What catalog-service's change feed last said about an episode: the replica that keeps appearances
 * on hidden or deleted episodes out of public reads. An episode without a row is shown
 * (catalog-service stays the authority and resolves a hidden episode to null itself).
 */
@Entity
@Table(name = "episode_visibility")
public class EpisodeVisibility extends PanacheEntityBase {
  @Id
  @Column(name = "episode_id")
  public UUID episodeId;

  @Column(nullable = false)
  public boolean visible;

  @Column(nullable = false)
  public boolean deleted;

  /** Feed position of the change this row reflects; older changes are ignored. */
  @Column(nullable = false)
  public long seq;
}
