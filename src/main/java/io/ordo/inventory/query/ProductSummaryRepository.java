package io.ordo.inventory.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProductSummaryRepository extends JpaRepository<ProductSummary, String> {

    List<ProductSummary> findAllByOrderByProductId();

    List<ProductSummary> findAllByDiscontinuedFalseOrderByProductId();
}
