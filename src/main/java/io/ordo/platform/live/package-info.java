/** Server-sent event streams that many clients share: bounded, heartbeat, no polling per connection. */
package io.ordo.platform.live;
