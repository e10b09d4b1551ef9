-- Up migration written by Crowsfoot: 6 changes, 11 steps, safe mode.
-- Run it as psql does, statement by statement (psql -f): some steps cannot run inside a transaction.
SET lock_timeout = '5s';

SET statement_timeout = '1min';
BEGIN;
-- s1. Drop column audit_log.ip_address
--   hazard, data-loss: The values of "audit_log.ip_address" are lost.
ALTER TABLE public.audit_log DROP COLUMN ip_address;

-- s2. Rename column users.full_name to display_name
--   hazard, breaks-clients: Clients that use the column name "full_name" fail.
ALTER TABLE public.users RENAME COLUMN full_name TO display_name;

-- s3. Guard users.avatar_url against new NULLs (CHECK NOT VALID, no scan)
--   input columnNullabilityChanged:co_5: 'https://example.com/avatar.png'
ALTER TABLE public.users ADD CONSTRAINT users_avatar_url_not_null_check CHECK (avatar_url IS NOT NULL) NOT VALID;
COMMIT;

SET statement_timeout = '0';
-- s4. Fill users.avatar_url where it is NULL (outside a transaction)
DO $cf$
DECLARE
  remaining bigint;
BEGIN
  SELECT count(*) INTO remaining FROM public.users WHERE avatar_url IS NULL;
  WHILE remaining > 0 LOOP
    UPDATE public.users SET avatar_url = ('https://example.com/avatar.png') WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.users WHERE avatar_url IS NULL LIMIT 10000));
    remaining := remaining - 10000;
    COMMIT;
  END LOOP;
END
$cf$;

BEGIN;
-- s5. Check that no row of users has avatar_url NULL (VALIDATE, reads and writes go on)
ALTER TABLE public.users VALIDATE CONSTRAINT users_avatar_url_not_null_check;
COMMIT;

SET statement_timeout = '1min';
BEGIN;
-- s6. Make users.avatar_url NOT NULL (the valid check spares the scan) and drop the check
ALTER TABLE public.users ALTER COLUMN avatar_url SET NOT NULL;
ALTER TABLE public.users DROP CONSTRAINT users_avatar_url_not_null_check;

-- s7. Add column orders.note
ALTER TABLE public.orders ADD COLUMN note text;
COMMIT;

-- s8. Clear a failed earlier build of index idx_orders_total, if any (outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS public.idx_orders_total;

SET statement_timeout = '0';
-- s9. Build index idx_orders_total on orders without blocking writes (outside a transaction)
CREATE INDEX CONCURRENTLY idx_orders_total ON public.orders (total_amount);

SET statement_timeout = '1min';
BEGIN;
-- s10. Replace foreign key orders_user_id_fkey from orders to users for new rows only (NOT VALID)
ALTER TABLE public.orders DROP CONSTRAINT orders_user_id_fkey;
ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE RESTRICT NOT VALID;
COMMIT;

SET statement_timeout = '0';
BEGIN;
-- s11. Check the existing rows of orders against orders_user_id_fkey (VALIDATE, reads and writes go on)
--   hazard, may-fail: Rows of "orders" with no matching row in "users" make this fail.
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_user_id_fkey;
COMMIT;
