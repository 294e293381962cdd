# `npm run db:migrate` in GCP: the same image as the functions, entry dist/migrate/index.mjs, on the
# private network, with no secret: it connects through the Cloud SQL connector as the migrator, its own
# service account's IAM database user (database.tf). The pipeline points it at the new tag and runs it
# before Terraform shifts traffic, so migrations must stay backwards compatible for one release.
resource "google_service_account" "migrate" {
  account_id   = "migrate-job"
  display_name = "Halo Bestie migrations job"
}

resource "google_cloud_run_v2_job" "migrate" {
  name                = "migrate"
  location            = var.region
  deletion_protection = false

  template {
    task_count  = 1
    parallelism = 1

    template {
      service_account = google_service_account.migrate.email
      timeout         = "900s"
      # node-pg-migrate holds an advisory lock and runs one transaction per file: a retry is safe.
      max_retries = 1

      vpc_access {
        egress = "PRIVATE_RANGES_ONLY"
        network_interfaces {
          network    = google_compute_network.vpc.id
          subnetwork = google_compute_subnetwork.run.id
        }
      }

      containers {
        image = local.image
        args  = ["dist/migrate/index.mjs"]

        dynamic "env" {
          for_each = {
            NODE_ENV           = "production"
            RUNTIME            = "gcp"
            CLOUD_SQL_INSTANCE = google_sql_database_instance.main.connection_name
            DATABASE_IAM_USER  = local.db_users["migrate"]
            DATABASE_NAME      = google_sql_database.app.name
          }
          content {
            name  = env.key
            value = env.value
          }
        }

        resources {
          limits = { cpu = "1", memory = "512Mi" }
        }
      }
    }
  }

  # A first deploy applies this job alone (-target, scripts/deploy.ts): what it needs to log in comes along.
  depends_on = [google_project_service.apis, google_sql_user.iam, google_project_iam_member.db, google_sql_database.app]
}
