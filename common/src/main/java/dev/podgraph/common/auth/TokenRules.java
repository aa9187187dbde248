package dev.podgraph.common.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code podgraph.auth.*}: what a verified bearer token must also satisfy (TokenClaimsCheck). */
@ConfigMapping(prefix = "podgraph.auth")
public interface TokenRules {
  /**
   * How far in the future a token's {@code iat} may lie (the issuer's clock running ahead of ours);
   * a token issued later than that is refused with UNAUTHENTICATED.
   */
  @WithDefault("60s")
  Duration issuedAtSkew();
}
