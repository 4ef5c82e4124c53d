package io.ordo.order.api.queries;

import java.util.List;

public record OrderPage(List<OrderSummaryView> content, int page, int size, long totalElements, int totalPages) {}
