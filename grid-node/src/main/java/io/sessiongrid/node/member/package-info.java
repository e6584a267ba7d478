/**
 * A SessionGrid member's Hazelcast configuration, completed with the plugin's maps, serializers, Java
 * deserialization allowlist and Jet ({@link io.sessiongrid.node.member.MemberConfigs}), and the member that
 * {@code ./sessiongrid start} runs ({@link io.sessiongrid.node.member.GridMember}), started and stopped by the node
 * runtime ({@code io.sessiongrid.runtime}).
 */
package io.sessiongrid.node.member;
