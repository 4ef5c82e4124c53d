package io.ordo.inventory.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProductDiscontinued(String productId) {}
