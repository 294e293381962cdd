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
