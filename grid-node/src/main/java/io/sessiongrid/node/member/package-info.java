/**
 * Assembling and running a SessionGrid member: the Hazelcast member configuration completed with the
 * plugin's maps, serializers, Java deserialization allowlist and Jet, and the member's SQL mappings.
 */
package io.sessiongrid.node.member;
