resource "google_sql_database_instance" "main" {
  name                = "halobestie"
  database_version    = "POSTGRES_15"
  region              = var.region
  deletion_protection = true
  depends_on          = [google_service_networking_connection.sql]

  settings {
    # docs/capacity.md: 2 vCPU carry 10x today (1,000 sessions) at ~20 % CPU; 10,000 sessions need 4-8 vCPU.
    tier              = var.db_tier
    availability_type = "REGIONAL"
    disk_autoresize   = true

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.vpc.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }

    database_flags {
      name  = "log_min_duration_statement"
      value = "500"
    }

    # IAM database authentication: every service and job logs in as its own service account through the
    # Cloud SQL connector (shared/adapters/gcp/cloud-sql.ts); no database user has a password.
    database_flags {
      name  = "cloudsql.iam_authentication"
      value = "on"
    }

    # Set explicitly (not Cloud SQL's memory-derived default) so the connection budget is checkable:
    # Σ services max_instances x DATABASE_POOL_MAX <= 80 % of it (docs/capacity.md, test/unit/capacity.test.ts).
    database_flags {
      name  = "max_connections"
      value = tostring(var.db_max_connections)
    }

    insights_config {
      query_insights_enabled = true
    }
  }
}

resource "google_sql_database" "app" {
  name     = "halobestie"
  instance = google_sql_database_instance.main.name
}

# The database users, one per identity, named as Cloud SQL names a service account's IAM user: its email
# without ".gserviceaccount.com". Two roles (shared/db/migrations/0016_runtime_role.sql):
# - the functions' users (the mirror-rebuild job runs as workers) are members of Cloud SQL's group of IAM
#   service-account users, which migration 0016 gives DML only;
# - the migrate job's user is the migrator: it runs the migrations and owns what they create. The first
#   deploy gives it cloudsqlsuperuser once (docs/deploy.md), which the provider cannot express.
locals {
  db_users = merge(
    { for f in local.functions : f => trimsuffix(google_service_account.fn[f].email, ".gserviceaccount.com") },
    { migrate = trimsuffix(google_service_account.migrate.email, ".gserviceaccount.com") },
  )
  db_members = merge(
    { for f in local.functions : f => google_service_account.fn[f].email },
    { migrate = google_service_account.migrate.email },
  )
  # Connecting needs cloudsql.client (the connector's instance metadata and ephemeral certificate);
  # logging in as an IAM user needs cloudsql.instanceUser.
  db_roles    = toset(["roles/cloudsql.client", "roles/cloudsql.instanceUser"])
  db_bindings = merge([for who, email in local.db_members : { for role in local.db_roles : "${role}/${who}" => { role = role, email = email } }]...)
}

resource "google_sql_user" "iam" {
  for_each = local.db_users
  name     = each.value
  instance = google_sql_database_instance.main.name
  type     = "CLOUD_IAM_SERVICE_ACCOUNT"
}

resource "google_project_iam_member" "db" {
  for_each = local.db_bindings
  project  = var.project_id
  role     = each.value.role
  member   = "serviceAccount:${each.value.email}"
}
