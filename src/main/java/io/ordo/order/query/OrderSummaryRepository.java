package io.ordo.order.query;

import io.ordo.order.api.OrderStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrderSummaryRepository extends JpaRepository<OrderSummary, String> {

    @Query("""
            select s from OrderSummary s
            where (:status is null or s.status = :status)
              and (:customerId is null or s.customerId = :customerId)
            """)
    Page<OrderSummary> search(
            @Param("status") OrderStatus status, @Param("customerId") String customerId, Pageable pageable);
}
