package dev.podgraph.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * An episode and its show notes. The sections are JSONB value lists (see V1 migration); {@code
 * search_vector} is maintained by a trigger and deliberately not mapped.
 */
@Entity
@Table(name = "episode")
public class Episode extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false)
  public int number;

  @Column(nullable = false)
  public String title;

  @Column(nullable = false)
  public String slug;

  public String category;

  @Column(nullable = false)
  public String summary = "";

  @Column(name = "announcements_heading", nullable = false)
  public String announcementsHeading = "Announcements";

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<String> announcements = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<Sponsor> sponsors = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<InterviewQuestion> questions = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "keep_in_touch", nullable = false)
  public List<LinkItem> keepInTouch = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<LinkItem> picks = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<LinkItem> links = new ArrayList<>();

  @Column(name = "music_credit")
  public String musicCredit;

  public String topic;

  @Column(name = "music_work")
  public String musicWork;

  @Column(name = "music_artist")
  public String musicArtist;

  @Column(name = "music_license")
  public String musicLicense;

  @Column(name = "audio_url")
  public String audioUrl;

  @Column(name = "image_url")
  public String imageUrl;

  @Column(name = "duration_seconds")
  public Integer durationSeconds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public EpisodeStatus status = EpisodeStatus.DRAFT;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "scheduled_for")
  public Instant scheduledFor;

  @Column(name = "published_at")
  public Instant publishedAt;

  @Column(name = "archived_at")
  public Instant archivedAt;

  @Version public int version;
}
