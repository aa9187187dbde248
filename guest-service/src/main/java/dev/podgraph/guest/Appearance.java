package dev.podgraph.guest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A guest on an episode. The episode is catalog-service's: only its federation key (and its number,
 * which the importer matches on) is kept here.
 */
@Entity
@Table(name = "appearance")
public class Appearance extends PanacheEntityBase {
  @Id public UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "guest_id", nullable = false)
  public Guest guest;

  @Column(name = "episode_id", nullable = false)
  public String episodeId;

  @Column(name = "episode_number")
  public Integer episodeNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public AppearanceRole role;

  @Column(nullable = false)
  public int position;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
