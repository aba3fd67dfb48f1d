-- The catalog's snapshot reads a service's capacities, contacts, prices and opening hours by service_id (Spring Data
-- JDBC's back reference): without an index each read scanned the whole table, 8,000 services' rows at national scale,
-- once per service. The catalog's revision, asked every five seconds per municipality and instance, reads the newest
-- capacity of the municipality. docs/scale.md, "Hot queries", has the plans before and after.
create index service_capacity_service on service_capacity (service_id, position);
create index service_contact_service on service_contact (service_id, position);
create index service_cost_service on service_cost (service_id, position);
create index service_schedule_service on service_schedule (service_id, position);
create index service_capacity_updated on service_capacity (municipality_id, updated_at);
