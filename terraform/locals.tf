locals {
  functions = toset(["auth", "pairing", "session", "config", "payment-webhook", "internal", "workers"])

  # Functions the load balancer reaches; workers only receives Cloud Tasks / Pub/Sub / Scheduler.
  public_functions = toset(["auth", "pairing", "session", "config", "payment-webhook", "internal"])

  # Functions that own /internal/* paths are also reached through an IAP-protected backend.
  iap_functions = toset(["auth", "config", "internal"])

  # Mirrors PATH_TABLE in shared/http/path-table.ts (a test keeps them equal). /tasks and /events are
  # never routed by the load balancer.
  public_paths = {
    "/.well-known/*"           = "auth"
    "/api/shared/auth/*"       = "auth"
    "/api/client/auth/*"       = "auth"
    "/api/mitra/auth/*"        = "auth"
    "/api/shared/device-token" = "auth"
    "/api/shared/config"       = "config"
    "/api/mitra/status"        = "pairing"
    "/api/mitra/status/*"      = "pairing"
    "/api/client/availability" = "pairing"
    "/api/client/chat/*"       = "pairing"
    "/api/mitra/requests/*"    = "pairing"
    "/api/client/sessions"     = "session"
    "/api/client/sessions/*"   = "session"
    "/api/mitra/sessions"      = "session"
    "/api/mitra/sessions/*"    = "session"
    "/api/client/reports"      = "session"
    "/api/mitra/reports"       = "session"
    "/api/client/account"      = "session"
    "/api/client/account/*"    = "session"
    "/api/mitra/account"       = "session"
    "/api/mitra/account/*"     = "session"
    "/webhooks/*"              = "payment-webhook"
  }
  internal_paths = {
    "/internal/auth/*"                 = "auth"
    "/internal/control-center-users"   = "auth"
    "/internal/control-center-users/*" = "auth"
    "/internal/config"                 = "config"
    "/internal/config/*"               = "config"
    "/internal/*"                      = "internal"
  }

  run_url = { for f in local.functions : f => "https://${f}-${data.google_project.this.number}.${var.region}.run.app" }

  invoker_emails = [google_service_account.tasks_invoker.email, google_service_account.pubsub_pusher.email]

  # Functions that create Cloud Tasks / publish Pub/Sub through the outbox relay.
  task_creators = toset(["auth", "pairing", "session", "config", "payment-webhook", "internal", "workers"])
  # Only auth signs access tokens: "auth-signing-key" (PEM) is auth's alone; every other function verifies
  # with "auth-public-keys", the JWK set of the public halves (what auth serves at /.well-known/jwks.json).
  # Rotation: publish the new key's public half beside the current one in auth-public-keys (every function
  # then accepts both kids), switch auth-signing-key to the new key with the old one as
  # AUTH_SIGNING_KEY_PREVIOUS(_ID) (an "auth-signing-key-previous" secret), and drop the old kid after the
  # access-token TTL.
  secrets = toset([
    "auth-signing-key", "auth-public-keys", "xendit-secret-key", "xendit-callback-token", "fazpass-merchant-key",
    "fazpass-gateway-key", "pii-hash-key",
  ])
}

data "google_project" "this" {}
