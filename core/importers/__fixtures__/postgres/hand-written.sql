-- A schema as people write it by hand: unnamed constraints (some whose default names clash),
-- search_path, quoted and unicode names, CREATE SCHEMA with elements, enum changes, LIKE,
-- INHERITS, serial columns, every index form, and changes made after the fact.

CREATE EXTENSION IF NOT EXISTS citext;

CREATE SCHEMA inventory
  CREATE TABLE warehouses (id serial PRIMARY KEY, code char(4) NOT NULL UNIQUE, name text)
  CREATE TABLE bins (warehouse_id int REFERENCES warehouses, label text, PRIMARY KEY (warehouse_id, label));

SET search_path TO inventory, public;

CREATE TYPE size AS ENUM ('s', 'm', 'xl');
ALTER TYPE size ADD VALUE 'l' BEFORE 'xl';
ALTER TYPE size ADD VALUE IF NOT EXISTS 'xs' BEFORE 's';

/* Products: a table whose unnamed checks and uniques clash with names taken elsewhere. */
CREATE TABLE products (
  id bigserial PRIMARY KEY,
  sku citext NOT NULL UNIQUE,
  "Product Name" varchar(200) NOT NULL CHECK (length("Product Name") > 0),
  price numeric(10,2) NOT NULL DEFAULT 0 CHECK (price >= 0) CHECK (price < 1e6),
  size size,
  sizes size[] DEFAULT '{}',
  weight_kg real CHECK (weight_kg > 0 AND weight_kg < price),
  tags text[] NOT NULL DEFAULT ARRAY[]::text[],
  active boolean NOT NULL DEFAULT 'on',
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE (sku)
);

CREATE TABLE products_price_check (id int);

CREATE TABLE stock (
  product_id bigint NOT NULL REFERENCES products ON DELETE CASCADE ON UPDATE CASCADE,
  warehouse_id int NOT NULL,
  bin text NOT NULL,
  quantity int NOT NULL DEFAULT 0 CHECK (quantity >= 0),
  FOREIGN KEY (warehouse_id, bin) REFERENCES bins (warehouse_id, label) MATCH FULL,
  UNIQUE NULLS NOT DISTINCT (product_id, warehouse_id)
);

CREATE INDEX ON stock (product_id);
CREATE INDEX ON stock (product_id);
CREATE INDEX stock_quantity_low ON stock (quantity DESC NULLS LAST) INCLUDE (bin) WHERE (quantity < 10);
CREATE UNIQUE INDEX ON products (lower("Product Name") COLLATE "C" text_pattern_ops);
CREATE INDEX products_tags ON products USING gin (tags);
CREATE INDEX ON products ((price * 2), (coalesce(weight_kg, 0)));

-- A template and a child made from it.
CREATE TABLE audit_template (created_by text NOT NULL DEFAULT current_user, note text CHECK (note <> ''));
CREATE TABLE product_notes (LIKE audit_template INCLUDING DEFAULTS, product_id bigint REFERENCES products);
CREATE TABLE archived_products (archived_at timestamptz) INHERITS (audit_template);

-- Changes after the fact.
ALTER TABLE products ADD COLUMN "Ünïcödé 名前" text;
ALTER TABLE products ALTER COLUMN "Ünïcödé 名前" SET DEFAULT 'n/a';
ALTER TABLE stock RENAME COLUMN bin TO bin_label;
ALTER TABLE product_notes ADD CONSTRAINT product_notes_note_check CHECK (note <> 'x');
ALTER TABLE product_notes ADD CHECK (note IS NOT NULL), ADD CHECK (product_id > 0);
CREATE TABLE scratch (id int);
DROP TABLE scratch;

COMMENT ON TABLE products IS 'What we sell';
COMMENT ON COLUMN products.sku IS 'Stock keeping unit, case-insensitive';

RESET search_path;
CREATE TABLE public.settings (key text PRIMARY KEY, value jsonb NOT NULL DEFAULT '{}'::jsonb);
