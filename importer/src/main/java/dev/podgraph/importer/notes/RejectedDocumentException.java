package dev.podgraph.importer.notes;

/** A document that cannot be imported; the message names the document and what is missing. */
public final class RejectedDocumentException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String document;
  private final String reason;

  public RejectedDocumentException(String document, String reason) {
    super(document + ": " + reason);
    this.document = document;
    this.reason = reason;
  }

  public String document() {
    return document;
  }

  public String reason() {
    return reason;
  }
}
