/**
 * How {@code sessiongrid.yaml} becomes a {@link io.sessiongrid.config.SessionGridConfig}: Jackson reads the text
 * into mutable DTOs ({@code ConfigDocument}), {@code ConfigAssembler} fills gaps from the defaults,
 * {@code ConfigValidator} checks limits, and {@code JacksonErrors} turns Jackson's exceptions into
 * {@link io.sessiongrid.config.ConfigException}s. Not API: only {@link io.sessiongrid.config.internal.ConfigReader}
 * is public, for the loader's sake.
 */
package io.sessiongrid.config.internal;
