package io.ordo.inventory.query;

import io.ordo.platform.projections.ProjectionTables;
import io.ordo.platform.projections.ProjectionTables.Table;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The table of the product read model, for the projection audit. */
@Configuration(proxyBeanMethods = false)
class ProductProjectionTables {

    @Bean
    ProjectionTables productTables() {
        return new ProjectionTables(
                InventoryProjections.GROUP, List.of(new Table("product_summary", List.of("product_id"), "product_id")));
    }
}
