package dev.podgraph.catalog.api;

import dev.podgraph.catalog.EpisodeChangePage;
import dev.podgraph.catalog.service.EpisodeChangeFeed;
import dev.podgraph.common.error.InvalidInputException;
import dev.podgraph.rules.ErrorCode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * {@code GET /internal/episode-changes?after=&limit=}: the change feed guest-service polls. Not
 * part of the GraphQL schema, and open without a token: it carries ids and visibility only, and the
 * cluster's NetworkPolicy decides who reaches it (README "Change feed").
 */
@Path("/internal/episode-changes")
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeChangeHttpApi {
  private static final Logger LOG = Logger.getLogger(EpisodeChangeHttpApi.class);

  private final EpisodeChangeFeed feed;

  public EpisodeChangeHttpApi(EpisodeChangeFeed feed) {
    this.feed = feed;
  }

  /** Numbers arrive as text so that a malformed one is a 400 of ours, not JAX-RS's 404. */
  @GET
  public EpisodeChangePage changes(
      @QueryParam("after") String after, @QueryParam("limit") String limit) {
    return feed.after(
        number("after", after, 0), number("limit", limit, EpisodeChangeFeed.DEFAULT_LIMIT));
  }

  @ServerExceptionMapper
  RestResponse<Map<String, Object>> badInput(InvalidInputException e) {
    return error(Response.Status.BAD_REQUEST, e.getMessage(), ErrorCode.BAD_USER_INPUT);
  }

  @ServerExceptionMapper
  RestResponse<Map<String, Object>> unexpected(RuntimeException e) {
    String reference = UUID.randomUUID().toString();
    LOG.errorf(e, "Change feed failed (reference %s)", reference);
    return error(
        Response.Status.INTERNAL_SERVER_ERROR,
        "Internal error (reference " + reference + ")",
        ErrorCode.INTERNAL);
  }

  private static long number(String name, String text, long absent) {
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "must be a whole number");
    }
  }

  private static RestResponse<Map<String, Object>> error(
      Response.Status status, String message, ErrorCode code) {
    Map<String, Object> error = Map.of("message", message, "extensions", Map.of("code", code));
    return RestResponse.status(status, Map.of("errors", List.of(error)));
  }
}
