/**
 * The {@code kubernetes} server provisioner: scales a StatefulSet of SessionGrid servers with the fabric8 client
 * and reads readiness from its pods. Sample manifests (StatefulSet, headless Service for Hazelcast's Kubernetes
 * discovery, RBAC) are in {@code deploy/kubernetes/}.
 */
package io.sessiongrid.provision.kubernetes;
