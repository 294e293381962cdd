# Firebase on the project: Authentication (the apps sign in with the custom tokens the auth function mints),
# FCM and the Firestore rules belong to it. Only google-beta has the resource.
resource "google_firebase_project" "default" {
  provider   = google-beta
  project    = var.project_id
  depends_on = [google_project_service.apis]
}

# The auth function mints Firebase custom tokens by asking IAM Credentials to sign them (signJwt) as its
# own service account, so no service-account key is ever downloaded or stored: the token-creator role on
# itself, and on nothing else.
resource "google_service_account_iam_member" "auth_signs_as_itself" {
  service_account_id = google_service_account.fn["auth"].name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "serviceAccount:${google_service_account.fn["auth"].email}"
}
