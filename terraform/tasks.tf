# Every timer (session expiry, extension timeout, closing grace, pairing and notification timeouts).
resource "google_cloud_tasks_queue" "timers" {
  name     = "halobestie-timers"
  location = var.region

  # docs/capacity.md, "Cloud Tasks": ~5.5 tasks per paid session (2 pairing timers per request, one per
  # offer batch not per mitra, + session expiry, closing grace, payment and extension timeouts). At 100,000
  # sessions that is ~200 dispatches/s on average, so the queue runs at Cloud Tasks' per-queue maximum (500/s)
  # to drain bursts (sessions started together expire together). In flight: 500/s x ~20 ms = 10; 50 leaves
  # room for slow handlers and stays within the connections the task targets hold (session + pairing pools).
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
