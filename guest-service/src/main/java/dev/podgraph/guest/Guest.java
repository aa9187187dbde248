package dev.podgraph.guest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person who appears on episodes: guests and hosts alike (the subgraph's type is {@code Guest}).
 * The same person on several episodes is one row.
 */
@Entity
@Table(name = "guest")
public class Guest extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Column(name = "search_name", nullable = false)
  public String searchName;

  @Column(nullable = false, unique = true)
  public String slug;

  public String honorific;

  public String bio;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<String> projects = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false)
  public List<String> links = new ArrayList<>();

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version
  @Column(nullable = false)
  public long version;
}
