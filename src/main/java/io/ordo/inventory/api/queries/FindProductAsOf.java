package io.ordo.inventory.api.queries;

import io.ordo.shared.AsOf;

/** The product as it was at a point of its history, rebuilt from its events; answered with a {@link ProductAsOf}. */
public record FindProductAsOf(String productId, AsOf asOf) {}
