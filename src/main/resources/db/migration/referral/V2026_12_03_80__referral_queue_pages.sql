-- The referral queue shows a unit's referrals whose loop is closed a page at a time, newest first (keyset on
-- created_at, id): these indexes let the database walk a unit's side backwards and stop after the page instead of
-- reading and sorting all of the unit's referrals. The staff navigation counts a unit's unread notifications of one
-- kind on every staff page: read_at in the index keeps that count on the unread rows. docs/scale.md, "Referral queue".
create index referral_receiver_sent on referral (municipality_id, receiver_unit_id, created_at, id);
create index referral_sender_sent on referral (municipality_id, sender_unit_id, created_at, id);
create index unit_notification_unread on unit_notification (municipality_id, unit_id, kind, read_at);
