package dev.podgraph.composition;

import java.util.Objects;

/** One subgraph to compose: its name (as the supergraph will call it), routing URL and SDL. */
public record SubgraphSdl(String name, String url, String sdl) {
  public SubgraphSdl {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sdl, "sdl");
  }
}
