package dev.podgraph.deploy;

/** An image reference split as kustomize's images transformer sees it: name, tag, digest. */
record ImageRef(String name, String tag, String digest) {
  static ImageRef parse(String image) {
    String rest = image;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new ImageRef(rest, tag, digest);
  }

  @Override
  public String toString() {
    return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
