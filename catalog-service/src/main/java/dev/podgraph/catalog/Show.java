package dev.podgraph.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The podcast itself: one row. */
@Entity
@Table(name = "show")
public class Show extends PanacheEntityBase {
  public static final int THE_SHOW = 1;

  @Id public Integer id;

  @Column(nullable = false)
  public String title;

  public String tagline;

  @Column(name = "host_name", nullable = false)
  public String hostName;

  public String url;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public int version;
}
