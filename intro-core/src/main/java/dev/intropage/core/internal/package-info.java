/**
 * Core's internal machinery; not exported, not for use outside {@code dev.intropage.core}.
 *
 * <p>Null-marked: parameters and results are never null unless annotated.
 */
@NullMarked
package dev.intropage.core.internal;

import org.jspecify.annotations.NullMarked;
