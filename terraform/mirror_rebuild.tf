# `npm run mirror:rebuild` in GCP, for disaster recovery: rewrites every Firestore document the apps listen
# to from Postgres (decisions.md 31) and delivers the outbox. Same image, entry dist/mirror-rebuild/index.mjs,
# run by hand (`gcloud run jobs execute mirror-rebuild --wait`). It runs as the workers function: the
# identity that already relays the outbox (Firestore, Cloud Tasks, Pub/Sub, FCM), with the same env and
# exactly the secrets workers may read.
resource "google_cloud_run_v2_job" "mirror_rebuild" {
  name                = "mirror-rebuild"
  location            = var.region
  deletion_protection = false

  template {
    task_count  = 1
    parallelism = 1

    template {
      service_account = google_service_account.fn["workers"].email
      timeout         = "1800s"
      # Whole documents through the outbox, no dedupe keys: a retry rewrites the same state.
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
        args  = ["dist/mirror-rebuild/index.mjs"]

        dynamic "env" {
          for_each = local.function_env["workers"]
          content {
            name  = env.key
            value = env.value
          }
        }

        dynamic "env" {
          for_each = { for secret, fns in local.secret_readers : local.secret_env_names[secret] => secret if contains(fns, "workers") }
          content {
            name = env.key
            value_source {
              secret_key_ref {
                secret  = google_secret_manager_secret.s[env.value].secret_id
                version = "latest"
              }
            }
          }
        }

        resources {
          limits = { cpu = "1", memory = "1Gi" }
        }
      }
    }
  }

  depends_on = [google_project_service.apis, google_sql_user.iam, google_project_iam_member.db]
}
