resource "google_project_service" "apis" {
  for_each = toset([
    "run.googleapis.com", "cloudtasks.googleapis.com", "pubsub.googleapis.com", "firestore.googleapis.com",
    "sqladmin.googleapis.com", "secretmanager.googleapis.com", "iap.googleapis.com", "compute.googleapis.com",
    "cloudscheduler.googleapis.com", "fcm.googleapis.com", "firebaserules.googleapis.com",
    "servicenetworking.googleapis.com", "artifactregistry.googleapis.com", "monitoring.googleapis.com",
    "logging.googleapis.com", "cloudbuild.googleapis.com",
    # Firebase Authentication (custom-token sign-in) and the project's Firebase resources.
    "identitytoolkit.googleapis.com", "firebase.googleapis.com",
    # signJwt: the auth function signs Firebase custom tokens as itself, with no downloaded key.
    "iamcredentials.googleapis.com",
  ])
  service            = each.value
  disable_on_destroy = false
}
