# Every timer (session expiry, extension timeout, closing grace, pairing and notification timeouts).
resource "google_cloud_tasks_queue" "timers" {
  name     = "halobestie-timers"
  location = var.region

  # docs/capacity.md §3-§5: per paid session ~3 timers (expiry, closing grace, payment / extension
  # timeouts) + 2 per chat request (one notification timeout per offer batch, not per mitra, + the request
  # timeout) + one counter-sync task per session-second with a message or receipt (~0.09/s per session).
  # That is ~92 dispatches/s at 1,000 sessions and ~921/s at 10,000: above Cloud Tasks' per-queue maximum
  # of 500/s, which this queue runs at (§4 says what changes first). In flight: 500/s x ~20 ms = 10;
  # 50 leaves room for slow handlers and stays within the task targets' pools (pairing 4x5 + session 6x5).
  rate_limits {
    max_dispatches_per_second = 500
    max_concurrent_dispatches = 50
  }

  # Handlers are idempotent and check state, so retrying is safe; 1 s → 300 s backoff for a day.
  retry_config {
    max_attempts       = 20
    min_backoff        = "1s"
    max_backoff        = "300s"
    max_doublings      = 8
    max_retry_duration = "86400s"
  }

  stackdriver_logging_config {
    sampling_ratio = 1.0
  }
}

# Functions enqueue tasks that carry tasks-invoker's OIDC identity: they need enqueuer on the queue
# and actAs on that one service account, nothing project-wide.
resource "google_cloud_tasks_queue_iam_member" "enqueuer" {
  for_each = local.task_creators
  name     = google_cloud_tasks_queue.timers.name
  location = var.region
  role     = "roles/cloudtasks.enqueuer"
  member   = "serviceAccount:${google_service_account.fn[each.value].email}"
}

resource "google_service_account_iam_member" "act_as_tasks_invoker" {
  for_each           = local.task_creators
  service_account_id = google_service_account.tasks_invoker.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.fn[each.value].email}"
}
