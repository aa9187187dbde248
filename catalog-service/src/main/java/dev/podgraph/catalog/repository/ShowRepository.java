package dev.podgraph.catalog.repository;

import dev.podgraph.catalog.Show;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The single show row. */
@ApplicationScoped
public class ShowRepository implements PanacheRepositoryBase<Show, Integer> {
  public Optional<Show> theShow() {
    return findByIdOptional(Show.THE_SHOW);
  }
}
