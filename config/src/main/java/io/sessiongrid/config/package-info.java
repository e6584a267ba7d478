/**
 * The typed plugin configuration: immutable records loaded from {@code sessiongrid.yaml}
 * ({@link io.sessiongrid.config.SessionGridConfigLoader}), validated at startup with errors that name
 * the file, the path inside it and what is allowed ({@link io.sessiongrid.config.ConfigException}),
 * and the default Hazelcast member and client configurations ({@link io.sessiongrid.config.HazelcastConfigs}).
 *
 * <p>Defaults ship in this module's resources and apply when no file is given.
 */
package io.sessiongrid.config;
