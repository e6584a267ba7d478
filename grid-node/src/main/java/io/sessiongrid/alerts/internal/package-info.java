/** The node component that collects alert figures on the node's scheduler and notifies listeners. */
package io.sessiongrid.alerts.internal;
