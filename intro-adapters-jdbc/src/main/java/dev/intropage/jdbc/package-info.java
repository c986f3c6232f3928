/**
 * JDBI implementations of core's data ports on Intro Page's schema (SQLite and PostgreSQL), the
 * stores that load and store for core's write use cases in one transaction each, the connection
 * pools, the demo data generator and the PostgreSQL invalidation bus.
 *
 * <p>Entry points: {@link dev.intropage.jdbc.DataSources}, {@link dev.intropage.jdbc.JdbcAdapters},
 * {@link dev.intropage.jdbc.PostgresInvalidationBus} and {@link
 * dev.intropage.jdbc.DemoDataGenerator}. Nothing here accepts or returns null: absent values are
 * {@link java.util.Optional} and empty collections.
 */
@NullMarked
package dev.intropage.jdbc;

import org.jspecify.annotations.NullMarked;
