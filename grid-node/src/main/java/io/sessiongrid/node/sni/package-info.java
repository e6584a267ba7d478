/**
 * Glue between the behavioural profiler (a Jet job in jet-pipelines) and the SNI service's predictive
 * allocator (sni-service): the two modules do not know each other; this package feeds one into the other.
 */
package io.sessiongrid.node.sni;
