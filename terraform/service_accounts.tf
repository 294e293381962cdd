# One identity per function, so each gets only the roles it needs.
resource "google_service_account" "fn" {
  for_each     = local.functions
  account_id   = "fn-${each.value}"
  display_name = "Halo Bestie ${each.value} function"
}

# Cloud Tasks signs its OIDC tokens as this account; it may only invoke the task targets.
resource "google_service_account" "tasks_invoker" {
  account_id   = "tasks-invoker"
  display_name = "Cloud Tasks OIDC invoker"
}

resource "google_service_account" "pubsub_pusher" {
  account_id   = "pubsub-pusher"
  display_name = "Pub/Sub push OIDC invoker"
}
