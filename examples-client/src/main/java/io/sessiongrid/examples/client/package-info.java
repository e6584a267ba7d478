/**
 * The README's client code, compiled against {@code sessiongrid-client} alone: what an application that connects as
 * a Hazelcast client gets (no arima forecaster, no server tools, no logging binding) is enough for it.
 */
package io.sessiongrid.examples.client;
