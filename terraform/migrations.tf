# `npm run db:migrate` in GCP: the same image as the functions, entry dist/migrate/index.mjs, on the
# private network, with only the database secret. The pipeline points it at the new tag and runs it
# before Terraform shifts traffic, so migrations must stay backwards compatible for one release.
resource "google_service_account" "migrate" {
  account_id   = "migrate-job"
  display_name = "Halo Bestie migrations job"
}

resource "google_secret_manager_secret_iam_member" "migrate_database_url" {
  secret_id = google_secret_manager_secret.s["database-url"].id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.migrate.email}"
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

        env {
          name = "DATABASE_URL"
          value_source {
            secret_key_ref {
              secret  = google_secret_manager_secret.s["database-url"].secret_id
              version = "latest"
            }
          }
        }

        resources {
          limits = { cpu = "1", memory = "512Mi" }
        }
      }
    }
  }

  depends_on = [google_project_service.apis, google_secret_manager_secret_iam_member.migrate_database_url]
}
