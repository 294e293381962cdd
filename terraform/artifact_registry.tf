# The one image (halobestie/api:<commit sha>) the functions and the migrations job run.
resource "google_artifact_registry_repository" "halobestie" {
  repository_id = "halobestie"
  location      = var.region
  format        = "DOCKER"
  description   = "Halo Bestie backend images, tagged with the commit SHA"

  docker_config {
    immutable_tags = true
  }

  # Keep the last 30 images for rollback; drop untagged layers' manifests after a week.
  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = 30
    }
  }
  cleanup_policies {
    id     = "delete-untagged"
    action = "DELETE"
    condition {
      tag_state  = "UNTAGGED"
      older_than = "604800s"
    }
  }

  depends_on = [google_project_service.apis]
}
