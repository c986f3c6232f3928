/**
 * The system overview section: the state of each component rolled up to one status, active users,
 * versions and maintenance notices.
 *
 * <p>Every type here is null-marked: parameters and results are never null; a value that may be
 * missing is an {@link java.util.Optional}, a collection that may be empty is empty.
 */
@NullMarked
package dev.intropage.core.system;

import org.jspecify.annotations.NullMarked;
