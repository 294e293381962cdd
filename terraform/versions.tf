terraform {
  # Pinned exactly: the offline checks (test/unit/terraform.test.ts) read the 6.50.0 provider schemas in
  # terraform/schema/, and the pipeline runs hashicorp/terraform:1.11.4 (cloudbuild.yaml).
  # The dependency lock file (.terraform.lock.hcl, the providers' checksums) is left to the first
  # `terraform init`: writing it needs the Terraform registry, which the machine these files were written
  # on cannot reach. Commit the file that first init writes (docs/deploy.md).
  required_version = "= 1.11.4"
  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "= 6.50.0"
    }
    # Only for what the GA provider lacks (google_firebase_project).
    google-beta = {
      source  = "hashicorp/google-beta"
      version = "= 6.50.0"
    }
  }
  backend "gcs" {}
}

provider "google" {
  project = var.project_id
  region  = var.region
}

provider "google-beta" {
  project = var.project_id
  region  = var.region
}
