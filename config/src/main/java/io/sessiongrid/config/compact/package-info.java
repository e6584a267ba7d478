/**
 * Serialization helpers every module shares: {@link io.sessiongrid.config.compact.NamedCompactSerializer}, the one
 * base of the plugin's Compact serializers, whose type names ({@code sessiongrid.*}) are what Management Center,
 * Hazelcast SQL and non-Java clients see, and {@link io.sessiongrid.config.compact.CompactFields}, readers that
 * tolerate fields a record written by SQL or another client lacks.
 */
package io.sessiongrid.config.compact;
