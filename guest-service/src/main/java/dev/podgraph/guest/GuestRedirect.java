package dev.podgraph.guest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The id and slug of a record merged into another, pointing at the survivor. */
@Entity
@Table(name = "guest_redirect")
public class GuestRedirect extends PanacheEntityBase {
  @Id
  @Column(name = "old_id")
  public UUID oldId;

  @Column(name = "old_slug", nullable = false, unique = true)
  public String oldSlug;

  @Column(name = "guest_id", nullable = false)
  public UUID guestId;

  @Column(name = "merged_at", nullable = false)
  public Instant mergedAt;
}
