/** What the provisioners share: the book of servers, their phases, listeners and measured provisioning time. */
package io.sessiongrid.provision.internal;
