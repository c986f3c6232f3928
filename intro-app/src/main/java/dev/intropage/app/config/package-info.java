/** The service's configuration: environment variables and an optional properties file. */
@NullMarked
package dev.intropage.app.config;

import org.jspecify.annotations.NullMarked;
