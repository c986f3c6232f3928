/**
 * The activity feed section: recent events of the viewer and their teams, grouped, marked unread
 * since the last visit, and paged with opaque cursors.
 *
 * <p>Every type here is null-marked: parameters and results are never null; a value that may be
 * missing is an {@link java.util.Optional}, a collection that may be empty is empty.
 */
@NullMarked
package dev.intropage.core.activity;

import org.jspecify.annotations.NullMarked;
