package io.ordo.order.query;

import io.ordo.order.api.queries.CustomerOrdersView;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerOrdersRepository extends JpaRepository<CustomerOrder, String> {

    @Query("""
            select new io.ordo.order.api.queries.CustomerOrdersView(o.customerId, count(o), min(o.placedAt), max(o.placedAt))
            from CustomerOrder o where o.customerId = :customerId group by o.customerId
            """)
    Optional<CustomerOrdersView> summarise(@Param("customerId") String customerId);
}
