/**
 * The actionable items section: ranks the viewer's open items, hides snoozed ones, and decides
 * which completions, dismissals and snoozes are allowed.
 */
@NullMarked
package dev.intropage.core.actions;

import org.jspecify.annotations.NullMarked;
