-- Instances count one another per role (ordo.role): each processor's segments are shared among the instances that run
-- it, so a command instance must not count towards the projections' share, nor a query instance towards the saga's.
-- Rows of instances started before this column existed ran everything: 'all'.
alter table cluster_node add column instance_role varchar(16) default 'all' not null;
