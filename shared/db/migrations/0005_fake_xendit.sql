-- Up Migration
-- The local fake Xendit's invoices (npm start and tests only; unused in GCP).
CREATE TABLE fake_xendit_invoices (
  id text PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  status text NOT NULL,
  amount int NOT NULL,
  currency text NOT NULL,
  description text NOT NULL,
  expiry_date timestamptz NOT NULL,
  paid_at timestamptz,
  last_callback_status int,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE fake_xendit_invoices;
