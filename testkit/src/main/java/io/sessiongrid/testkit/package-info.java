/**
 * Test support shared by every module: Hazelcast member and client configurations for clusters on
 * loopback (unique cluster names, TCP-IP join on 127.0.0.1, no multicast, no phone-home), and the
 * location of the shared workload traces. Used in test scope only.
 */
package io.sessiongrid.testkit;
