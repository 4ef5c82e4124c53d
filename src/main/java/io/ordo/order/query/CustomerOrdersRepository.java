package io.ordo.order.query;

import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerOrdersRepository extends JpaRepository<CustomerOrders, String> {}
