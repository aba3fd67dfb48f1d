-- When a citizen's record is erased (security.md item 11), the citizen's occupancies of places stay as the places'
-- history: the place was occupied from one moment to another, by nobody the system still knows. Only an ended
-- occupancy may be without its citizen.

alter table place_allocation alter column citizen_id drop not null;
alter table place_allocation add constraint allocation_erased_citizen
    check (citizen_id is not null or (kind = 'OCCUPANCY' and status = 'ENDED'));
