-- Up migration written by Crowsfoot: 6 changes, 7 steps, simple mode.
-- Plain statements for a development database: no transactions, no timeouts, no zero-downtime patterns.

-- s1. Drop column audit_log.ip_address
--   hazard, data-loss: The values of "audit_log.ip_address" are lost.
ALTER TABLE public.audit_log DROP COLUMN ip_address;

-- s2. Rename column users.full_name to display_name
--   hazard, breaks-clients: Clients that use the column name "full_name" fail.
ALTER TABLE public.users RENAME COLUMN full_name TO display_name;

-- s3. Fill users.avatar_url where it is NULL
UPDATE public.users SET avatar_url = ('https://example.com/avatar.png') WHERE avatar_url IS NULL;

-- s4. Make users.avatar_url NOT NULL
--   hazard, long-lock: SET NOT NULL scans "users" under ACCESS EXCLUSIVE.
--   input columnNullabilityChanged:co_5: 'https://example.com/avatar.png'
ALTER TABLE public.users ALTER COLUMN avatar_url SET NOT NULL;

-- s5. Add column orders.note
ALTER TABLE public.orders ADD COLUMN note text;

-- s6. Create index idx_orders_total on orders
--   hazard, long-lock: Writes to "orders" wait while the index builds.
CREATE INDEX idx_orders_total ON public.orders (total_amount);

-- s7. Replace foreign key orders_user_id_fkey from orders to users
--   hazard, long-lock: "orders" is scanned while writes to it and to "users" wait.
--   hazard, may-fail: Rows of "orders" with no matching row in "users" make this fail.
ALTER TABLE public.orders DROP CONSTRAINT orders_user_id_fkey;
ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE RESTRICT;
