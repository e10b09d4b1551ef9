-- Down migration written by Crowsfoot: 6 changes, 7 steps, safe mode.
-- Run it as psql does, statement by statement (psql -f): some steps cannot run inside a transaction.
-- A down migration restores the schema, not the data: what the up migration dropped comes back empty.
SET lock_timeout = '5s';

SET statement_timeout = '1min';
-- s1. Drop index idx_orders_total (outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS public.idx_orders_total;

BEGIN;
-- s2. Drop column orders.note
--   hazard, data-loss: The values of "orders.note" are lost.
ALTER TABLE public.orders DROP COLUMN note;

-- s3. Rename column users.display_name to full_name
--   hazard, breaks-clients: Clients that use the column name "display_name" fail.
ALTER TABLE public.users RENAME COLUMN display_name TO full_name;

-- s4. Allow NULL in users.avatar_url
ALTER TABLE public.users ALTER COLUMN avatar_url DROP NOT NULL;

-- s5. Add column audit_log.ip_address
--   hazard, not-restored: This restores the schema, not the data: what the up migration removed comes back empty.
ALTER TABLE public.audit_log ADD COLUMN ip_address inet;

-- s6. Replace foreign key orders_user_id_fkey from orders to users for new rows only (NOT VALID)
ALTER TABLE public.orders DROP CONSTRAINT orders_user_id_fkey;
ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE NOT VALID;
COMMIT;

SET statement_timeout = '0';
BEGIN;
-- s7. Check the existing rows of orders against orders_user_id_fkey (VALIDATE, reads and writes go on)
--   hazard, may-fail: Rows of "orders" with no matching row in "users" make this fail.
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_user_id_fkey;
COMMIT;
