package io.ordo.order.api;

import java.util.List;

public record OrderPage(List<OrderSummaryView> content, int page, int size, long totalElements, int totalPages) {}
