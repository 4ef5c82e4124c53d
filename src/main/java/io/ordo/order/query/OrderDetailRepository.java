package io.ordo.order.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OrderDetailRepository extends JpaRepository<OrderDetail, String> {

    /** Empties the read model in two statements instead of loading and deleting every order. */
    default void deleteEverything() {
        deleteAllLines();
        deleteAllInBatch();
    }

    @Modifying
    @Query(value = "delete from order_detail_line", nativeQuery = true)
    void deleteAllLines();
}
