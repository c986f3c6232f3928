/**
 * The database schema of Intro Page and the runner that applies, checks and rolls it back.
 *
 * <p>{@link dev.intropage.migrations.MigrationRunner} is the entry point. The SQL lives on the
 * class path under {@code db/migration/{common,sqlite,postgresql}}, each {@code V<n>__x.sql} paired
 * with a {@code db/rollback/.../U<n>__x.sql} that restores the catalog of version n-1.
 *
 * <p>Every type here is null-marked: parameters and results are never null; a value that may be
 * missing is an {@link java.util.Optional}, a collection that may be empty is empty.
 */
@NullMarked
package dev.intropage.migrations;

import org.jspecify.annotations.NullMarked;
