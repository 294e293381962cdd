# Safety net for the outbox: delivers rows whose instance died between commit and relay.
resource "google_cloud_scheduler_job" "outbox_drain" {
  name      = "outbox-drain"
  region    = var.region
  schedule  = "* * * * *"
  time_zone = "Etc/UTC"

  http_target {
    http_method = "POST"
    uri         = "${local.run_url["workers"]}/tasks/outbox/drain"
    oidc_token {
      service_account_email = google_service_account.tasks_invoker.email
      audience              = local.run_url["workers"]
    }
  }

  retry_config {
    retry_count = 1
  }
}

# Stale mitras (heartbeat older than mitra_stale_after_seconds) → offline.
resource "google_cloud_scheduler_job" "pairing_sweep" {
  name      = "pairing-sweep-stale"
  region    = var.region
  schedule  = "* * * * *"
  time_zone = "Etc/UTC"

  http_target {
    http_method = "POST"
    uri         = "${local.run_url["pairing"]}/tasks/pairing/sweep-stale"
    oidc_token {
      service_account_email = google_service_account.tasks_invoker.email
      audience              = local.run_url["pairing"]
    }
  }

  retry_config {
    retry_count = 1
  }
}
