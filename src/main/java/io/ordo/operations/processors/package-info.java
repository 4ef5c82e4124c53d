/** Event processor status, health, metrics and replay, for operators (ADMIN). */
package io.ordo.operations.processors;
