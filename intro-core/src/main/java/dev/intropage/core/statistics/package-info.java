/**
 * The user statistics section: activity counts, streaks and a trend, computed in the viewer's time
 * zone from daily rollups.
 */
@NullMarked
package dev.intropage.core.statistics;

import org.jspecify.annotations.NullMarked;
