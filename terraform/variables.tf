variable "project_id" {
  type        = string
  description = "GCP project that hosts the backend."
}

variable "region" {
  type    = string
  default = "asia-southeast2"
}

variable "domain" {
  type        = string
  description = "Public hostname of the API (managed certificate)."
}

variable "image_tag" {
  type        = string
  description = "Tag of the function images in Artifact Registry (one image per function)."
}

variable "cc_access_members" {
  type        = list(string)
  description = "Who may pass IAP to the control-center API, e.g. [\"group:cc-operators@example.com\"]."
}

variable "iap_oauth_client_id" {
  type = string
}

variable "iap_oauth_client_secret" {
  type      = string
  sensitive = true
}

variable "db_tier" {
  type    = string
  default = "db-custom-2-7680"
}
