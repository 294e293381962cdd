# Every timer (session expiry, extension timeout, closing grace, pairing and notification timeouts).
resource "google_cloud_tasks_queue" "timers" {
  name     = "halobestie-timers"
  location = var.region

  rate_limits {
    max_dispatches_per_second = 200
    max_concurrent_dispatches = 100
  }

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
