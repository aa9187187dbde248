package dev.podgraph.guest.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podgraph.guest.config.CatalogFeedConfig;
import dev.podgraph.guest.model.EpisodeChange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads pages of catalog-service's episode change feed over HTTP (the JDK's client). */
@ApplicationScoped
public class CatalogFeedClient {
  private final ObjectMapper json;
  private final CatalogFeedConfig config;
  private final HttpClient http;

  CatalogFeedClient(ObjectMapper json, CatalogFeedConfig config) {
    this.json = json;
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  /** Up to {@code limit} changes with a seq greater than {@code after}, in seq order. */
  public FeedPage changesAfter(long after, int limit) {
    URI uri = URI.create(config.url() + "?after=" + after + "&limit=" + limit);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(config.timeout())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new CatalogFeedException(uri + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CatalogFeedException(uri + " interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new CatalogFeedException(uri + " answered HTTP " + response.statusCode());
    }
    FeedPage page;
    try {
      page = json.readValue(response.body(), FeedPage.class);
    } catch (IOException e) {
      throw new CatalogFeedException(uri + " answered a page that is not the feed's JSON", e);
    }
    if (page.changes() == null) {
      throw new CatalogFeedException(uri + " answered a page without changes");
    }
    for (EpisodeChange change : page.changes()) {
      if (change.episodeId() == null || change.change() == null) {
        throw new CatalogFeedException(uri + " answered a change without episode or kind");
      }
    }
    return page;
  }

  @PreDestroy
  void close() {
    http.close();
  }
}
