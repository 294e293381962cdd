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
  description = "Tag (the commit SHA) of the halobestie/api image in Artifact Registry; every function and the migrations job run it."
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

variable "db_max_connections" {
  type        = number
  default     = 200
  description = "Cloud SQL max_connections flag; the services' pools are budgeted against 80 % of it (docs/capacity.md)."
}

variable "alert_email" {
  type        = string
  description = "Where the alert policies send their notifications."
}

variable "tasks_queue_depth_alert" {
  type        = number
  default     = 5000
  description = "Cloud Tasks queue depth that raises an alert after 10 minutes."
}

variable "armor_requests_per_ip_per_minute" {
  type        = number
  default     = 600
  description = "Cloud Armor's per-IP throttle on each public backend (cloud_armor.tf explains the number)."
}
