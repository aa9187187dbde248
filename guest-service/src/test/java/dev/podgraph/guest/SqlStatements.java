package dev.podgraph.guest;

import org.hibernate.SessionFactory;

/** Counts the SQL statements Hibernate prepares while a block runs (statistics are on in tests). */
public final class SqlStatements {
  private SqlStatements() {}

  public static long during(SessionFactory sessionFactory, Runnable block) {
    long before = sessionFactory.getStatistics().getPrepareStatementCount();
    block.run();
    return sessionFactory.getStatistics().getPrepareStatementCount() - before;
  }
}
