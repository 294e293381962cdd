# Cloud Scheduler jobs; mirrors CRON_JOBS in shared/cron.ts (a test keeps them equal).
locals {
  cron_jobs = {
    "outbox-drain"  = { fn = "workers", path = "/tasks/outbox/drain", schedule = "* * * * *" }        # outbox safety net
    "pairing-sweep" = { fn = "pairing", path = "/tasks/pairing/sweep-stale", schedule = "* * * * *" } # stale mitras → offline
    # Payments stuck past their invoice expiry, settled from Xendit (lost callbacks).
    "payments-reconcile" = { fn = "payment-webhook", path = "/tasks/payments/reconcile", schedule = "*/10 * * * *" }
    # SPEC §14 retention, daily at 03:17 in Jakarta (20:17 UTC), the quietest hour; chains its own rounds.
    "privacy-retention" = { fn = "session", path = "/tasks/privacy/retention", schedule = "17 20 * * *" }
  }
}

resource "google_cloud_scheduler_job" "cron" {
  for_each  = local.cron_jobs
  name      = each.key
  region    = var.region
  schedule  = each.value.schedule
  time_zone = "Etc/UTC"

  http_target {
    http_method = "POST"
    uri         = "${local.run_url[each.value.fn]}${each.value.path}"
    oidc_token {
      service_account_email = google_service_account.tasks_invoker.email
      audience              = local.run_url[each.value.fn]
    }
  }

  retry_config {
    retry_count = 1
  }
}
