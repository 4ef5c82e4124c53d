/** What tells a load balancer or Kubernetes that this instance should, or should not, receive requests. */
package io.ordo.platform.readiness;
