package dev.podgraph.guest.feed;

/** catalog-service's change feed could not be read: unreachable, an error status, or bad JSON. */
public class CatalogFeedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogFeedException(String message) {
    super(message);
  }

  public CatalogFeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
