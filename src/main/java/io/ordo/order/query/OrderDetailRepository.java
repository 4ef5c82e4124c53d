package io.ordo.order.query;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrderDetailRepository extends JpaRepository<OrderDetail, String> {}
