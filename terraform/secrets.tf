# Values are added out of band (gcloud secrets versions add); Terraform owns the containers and access.
# No database password (Cloud SQL IAM database authentication, database.tf) and no Firebase key (the auth
# function signs custom tokens through IAM Credentials, firebase.tf) exist to be stored.
resource "google_secret_manager_secret" "s" {
  for_each  = local.secrets
  secret_id = each.value
  replication {
    auto {}
  }
}

locals {
  # Which function may read which secret (least privilege).
  secret_readers = {
    "auth-signing-key" = toset(["auth"])
    "auth-public-keys" = setsubtract(local.functions, ["auth"])
    # Only the payment-webhook function calls Xendit (/tasks/payments/* create, time out and reconcile).
    "xendit-secret-key"     = toset(["payment-webhook"])
    "xendit-callback-token" = toset(["payment-webhook"])
    "fazpass-merchant-key"  = toset(["auth"])
    "fazpass-gateway-key"   = toset(["auth"])
    # The key of the free-trial ledger's phone and device hashes (SPEC §13): only pairing keeps them.
    "pii-hash-key" = toset(["pairing"])
  }
  # The env variable each secret becomes in the functions allowed to read it.
  secret_env_names = {
    "auth-signing-key"      = "AUTH_SIGNING_KEY"
    "auth-public-keys"      = "AUTH_PUBLIC_KEYS"
    "xendit-secret-key"     = "XENDIT_SECRET_KEY"
    "xendit-callback-token" = "XENDIT_CALLBACK_TOKEN"
    "fazpass-merchant-key"  = "FAZPASS_MERCHANT_KEY"
    "fazpass-gateway-key"   = "FAZPASS_GATEWAY_KEY"
    "pii-hash-key"          = "PII_HASH_KEY"
  }
  secret_bindings = merge([for s, fns in local.secret_readers : { for f in fns : "${s}/${f}" => { secret = s, fn = f } }]...)
}

resource "google_secret_manager_secret_iam_member" "reader" {
  for_each  = local.secret_bindings
  secret_id = google_secret_manager_secret.s[each.value.secret].id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.fn[each.value.fn].email}"
}
