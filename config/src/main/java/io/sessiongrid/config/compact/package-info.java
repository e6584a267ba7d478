/**
 * Serialization helpers every module shares: the base of the plugin's Compact serializers, whose type
 * names ({@code sessiongrid.*}) are what Management Center, Hazelcast SQL and non-Java clients see.
 */
package io.sessiongrid.config.compact;
