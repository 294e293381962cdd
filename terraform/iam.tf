# Only the invoker identities may call the private routes; no public invoker bindings anywhere.
locals {
  task_targets = toset(["pairing", "session", "payment-webhook", "workers"])
  project_roles = {
    "roles/datastore.user"               = local.functions
    "roles/firebasecloudmessaging.admin" = toset(["pairing", "session", "workers"])
    "roles/logging.logWriter"            = local.functions
    "roles/cloudtrace.agent"             = local.functions
  }
  project_bindings = merge([for role, fns in local.project_roles : { for f in fns : "${role}/${f}" => { role = role, fn = f } }]...)
}

resource "google_cloud_run_v2_service_iam_member" "tasks_invoker" {
  for_each = local.task_targets
  name     = google_cloud_run_v2_service.fn[each.value].name
  location = var.region
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.tasks_invoker.email}"
}

resource "google_cloud_run_v2_service_iam_member" "pubsub_invoker" {
  name     = google_cloud_run_v2_service.fn["pairing"].name
  location = var.region
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.pubsub_pusher.email}"
}

resource "google_project_iam_member" "fn" {
  for_each = local.project_bindings
  project  = var.project_id
  role     = each.value.role
  member   = "serviceAccount:${google_service_account.fn[each.value.fn].email}"
}
