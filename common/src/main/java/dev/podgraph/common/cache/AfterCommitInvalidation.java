package dev.podgraph.common.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one way a subgraph service invalidates its cache after a write: call {@link #schedule} inside
 * the write's transaction ({@code @Transactional} service method); the regions are invalidated once
 * it has committed, and not at all when it rolls back. Several calls in one transaction add up to
 * one invalidation per region. A reader that loads between the commit and the invalidation stores
 * under the old generation (see {@link CacheAside}), where nobody looks afterwards.
 */
@ApplicationScoped
public class AfterCommitInvalidation {
  private final CacheAside cache;
  private final TransactionSynchronizationRegistry transactions;
  private final Object resourceKey = new Object();

  AfterCommitInvalidation(CacheAside cache, TransactionSynchronizationRegistry transactions) {
    this.cache = cache;
    this.transactions = transactions;
  }

  /**
   * Invalidates {@code regions} after the current transaction commits.
   *
   * @throws IllegalStateException when no transaction is active
   */
  public void schedule(Collection<String> regions) {
    @SuppressWarnings("unchecked")
    Set<String> scheduled = (Set<String>) transactions.getResource(resourceKey);
    if (scheduled != null) {
      scheduled.addAll(regions);
      return;
    }
    Set<String> toInvalidate = new LinkedHashSet<>(regions);
    transactions.putResource(resourceKey, toInvalidate);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              toInvalidate.forEach(cache::invalidate);
            }
          }
        });
  }
}
